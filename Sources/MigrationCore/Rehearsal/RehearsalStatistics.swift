/// The numbers the source's final `query-migrate` reports, as `migedit rehearse` prints them.
/// Each is nil when QEMU did not report it (a migration that never started, or a release
/// without the counter).
public struct RehearsalStatistics: Hashable, Sendable {
    /// Milliseconds from `migrate` to completion.
    public var totalTime: UInt64?
    /// Milliseconds the guest was stopped.
    public var downtime: UInt64?
    /// A downtime QEMU reported that is longer than the whole migration, so not a downtime:
    /// QEMU 7.2's postcopy counts it from the host's boot. Shown as such, never as a figure.
    public var implausibleDowntime: UInt64?
    /// Milliseconds spent setting up before the first page was sent.
    public var setupTime: UInt64?
    /// Bytes sent, all channels.
    public var transferred: UInt64?
    /// Megabits per second, as QEMU's `mbps` reports it (text, so nothing is rounded).
    public var throughput: String?
    /// Bytes sent over the multifd channels.
    public var multifdBytes: UInt64?
    /// Pages sent as XBZRLE deltas (the cache hits) and pages not found in the cache.
    public var xbzrleHits: UInt64?
    public var xbzrleMisses: UInt64?
    /// Pages the destination asked for while in postcopy.
    public var postcopyRequests: UInt64?
    /// Bytes sent after the switch to postcopy.
    public var postcopyBytes: UInt64?
    /// How many times the source synchronised the dirty bitmap (rounds of precopy).
    public var dirtySyncCount: UInt64?

    public init() {}

    /// Reads the `return` of `query-migrate`.
    public init(queryMigrate reply: JSON) {
        totalTime = reply["total-time"]?.uint64Value
        downtime = reply["downtime"]?.uint64Value
        if let reported = downtime, let totalTime, reported > totalTime {
            implausibleDowntime = reported
            downtime = nil
        }
        setupTime = reply["setup-time"]?.uint64Value
        let ram = reply["ram"]
        transferred = ram?["transferred"]?.uint64Value
        if case .number(let literal)? = ram?["mbps"] { throughput = literal }
        multifdBytes = ram?["multifd-bytes"]?.uint64Value
        postcopyRequests = ram?["postcopy-requests"]?.uint64Value
        postcopyBytes = ram?["postcopy-bytes"]?.uint64Value
        dirtySyncCount = ram?["dirty-sync-count"]?.uint64Value
        xbzrleHits = reply["xbzrle-cache"]?["pages"]?.uint64Value
        xbzrleMisses = reply["xbzrle-cache"]?["cache-miss"]?.uint64Value
    }

    /// The figures as (label, JSON key, value text), in the order they are printed; a figure
    /// QEMU did not report is left out.
    var figures: [(label: String, key: String, text: String, json: JSON)] {
        var figures: [(String, String, String, JSON)] = []
        func add(_ label: String, _ key: String, _ value: UInt64?, _ unit: String) {
            guard let value else { return }
            figures.append((label, key, "\(RehearsalStatistics.grouped(value))\(unit)", .number(value)))
        }
        add("total time", "total-time-ms", totalTime, " ms")
        add("downtime", "downtime-ms", downtime, " ms")
        if let implausibleDowntime {
            figures.append((
                "downtime", "downtime-reported-ms",
                "unknown: QEMU reported \(RehearsalStatistics.grouped(implausibleDowntime)) ms, longer than the whole migration",
                .number(String(implausibleDowntime))))
        }
        add("setup time", "setup-time-ms", setupTime, " ms")
        add("transferred", "transferred-bytes", transferred, " bytes")
        if let throughput {
            let shown = throughput.firstIndex(of: ".").map { String(throughput[..<$0]) + String(throughput[$0...].prefix(2)) }
            figures.append(("throughput", "throughput-mbps", (shown ?? throughput) + " Mbit/s", .number(throughput)))
        }
        add("multifd bytes", "multifd-bytes", multifdBytes, "")
        add("xbzrle cache hits", "xbzrle-cache-hits", xbzrleHits, " pages")
        add("xbzrle cache misses", "xbzrle-cache-misses", xbzrleMisses, " pages")
        add("postcopy requests", "postcopy-requests", postcopyRequests, "")
        add("postcopy bytes", "postcopy-bytes", postcopyBytes, "")
        add("dirty syncs", "dirty-sync-count", dirtySyncCount, "")
        return figures
    }

    /// `1513269` as `1 513 269`, readable at a glance.
    static func grouped(_ value: UInt64) -> String {
        let digits = Array(String(value))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text.append(" ") }
            text.append(digit)
        }
        return text
    }
}
