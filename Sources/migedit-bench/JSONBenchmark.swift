import Foundation
import MigrationCore

/// The figures behind the header of `MigrationCore/Formats/JSON.swift`: whether swift-foundation's
/// `JSONDecoder`/`JSONEncoder` could replace the hand-written reader and writer. Parse speed of a
/// ~10 kB QMP document for both, then what each does with numbers past `Double`, with key order
/// and with the inputs a hand-edited profile gets wrong.
enum JSONBenchmark {
    /// QEMU 10.0.2's replies to query-migrate-parameters and query-migrate-capabilities, captured with
    /// `.qemu/10.0/qemu-system-x86_64 -M none -nodefaults -display none -S -qmp stdio`.
    static let parametersReply = #"{"return": {"cpu-throttle-tailslow": false, "xbzrle-cache-size": 67108864, "cpu-throttle-initial": 20, "announce-max": 550, "direct-io": false, "avail-switchover-bandwidth": 0, "zero-page-detection": "multifd", "multifd-qatzip-level": 1, "multifd-channels": 2, "mode": "normal", "multifd-zstd-level": 1, "announce-initial": 50, "downtime-limit": 300, "tls-authz": "", "vcpu-dirty-limit": 1, "multifd-compression": "none", "announce-rounds": 5, "announce-step": 100, "tls-creds": "", "x-vcpu-dirty-limit-period": 1000, "multifd-zlib-level": 1, "max-cpu-throttle": 99, "max-postcopy-bandwidth": 0, "tls-hostname": "", "throttle-trigger-threshold": 50, "max-bandwidth": 134217728, "x-checkpoint-delay": 20000, "cpu-throttle-increment": 10}}"#
    static let capabilitiesReply = #"{"return": [{"state": false, "capability": "xbzrle"}, {"state": false, "capability": "rdma-pin-all"}, {"state": false, "capability": "auto-converge"}, {"state": false, "capability": "zero-blocks"}, {"state": false, "capability": "events"}, {"state": false, "capability": "postcopy-ram"}, {"state": false, "capability": "x-colo"}, {"state": false, "capability": "release-ram"}, {"state": false, "capability": "return-path"}, {"state": false, "capability": "pause-before-switchover"}, {"state": false, "capability": "multifd"}, {"state": false, "capability": "dirty-bitmaps"}, {"state": false, "capability": "postcopy-blocktime"}, {"state": false, "capability": "late-block-activate"}, {"state": false, "capability": "x-ignore-shared"}, {"state": false, "capability": "validate-uuid"}, {"state": false, "capability": "background-snapshot"}, {"state": false, "capability": "zero-copy-send"}, {"state": false, "capability": "postcopy-preempt"}, {"state": false, "capability": "switchover-ack"}, {"state": false, "capability": "dirty-limit"}, {"state": false, "capability": "mapped-ram"}]}"#
    /// Five of each reply in one array, the ~10 kB a QMP transcript of one short session holds.
    static let document = "[" + Array(repeating: parametersReply + ", " + capabilitiesReply, count: 5).joined(separator: ", ") + "]"
    static let parses = 500
    /// Keeps the optimizer from dropping work whose result is otherwise unused.
    nonisolated(unsafe) static var sink = 0

    static func run() {
        print("")
        print("JSON: parse a \(document.utf8.count)-byte QMP document (5 x query-migrate-parameters + query-migrate-capabilities")
        print("replies of QEMU 10.0), \(parses) parses per run, median of \(runs) runs:")
        let decoder = JSONDecoder()
        let handWritten = rate(count: parses) { sink &+= try! JSON(parsing: document).arrayValue!.count }
        let tree = rate(count: parses) { sink &+= try! decoder.decode([AnyJSON].self, from: Data(document.utf8)).count }
        let typed = rate(count: parses) { sink &+= try! decoder.decode(Transcript.self, from: Data(document.utf8)).replies }
        let dataCopy = rate(count: parses) { sink &+= Data(document.utf8).count }
        print("  JSON(parsing:) to an ordered tree              \(perParse(handWritten))")
        print("  JSONDecoder to a tree ([String: AnyJSON])      \(perParse(tree))")
        print("  JSONDecoder to Codable structs                 \(perParse(typed))")
        print("  (of which String to Data for JSONDecoder:        \(perParse(dataCopy)))")
        precondition(try! JSON(parsing: document).arrayValue?.first?["return"]?["max-bandwidth"]?.uint64Value == 134_217_728)
        precondition(try! decoder.decode(Transcript.self, from: Data(document.utf8)).maxBandwidth == 134_217_728)

        print("")
        print("JSON: numbers past Double (read, then written back):")
        for literal in ["18446744073709551615", "18446744073709551616"] {
            let ours = try! JSON(parsing: "[\(literal)]")
            print("  \(literal)  JSON(parsing:): uint64Value \(describe(ours.arrayValue?.first?.uint64Value)), writes \(ours.serialized())")
            print("  \(String(repeating: " ", count: literal.count))  JSONDecoder UInt64: \(attempt { try decoder.decode([UInt64].self, from: Data("[\(literal)]".utf8))[0] })"
                + "; Double: \(attempt { try decoder.decode([Double].self, from: Data("[\(literal)]".utf8))[0] })"
                + "; Decimal: \(attempt { try decoder.decode([Decimal].self, from: Data("[\(literal)]".utf8))[0] })")
        }
        let encoder = JSONEncoder()
        print("  JSONEncoder writes UInt64.max as \(attempt { String(decoding: try encoder.encode([UInt64.max]), as: UTF8.self) })"
            + ", Decimal 2^64 as \(attempt { String(decoding: try encoder.encode([Decimal(string: "18446744073709551616")!]), as: UTF8.self) })")
        print("  JSONDecoder reads 1e3, 1.0 and -0 as UInt64: \(attempt { try decoder.decode([UInt64].self, from: Data("[1e3, 1.0, -0]".utf8)) })"
            + "; JSON(parsing:)'s uint64Value: \(try! JSON(parsing: "[1e3, 1.0, -0]").arrayValue!.map { describe($0.uint64Value) })")

        print("")
        print("JSON: key order of a profile (migedit writes qemu, host, capabilities, parameters, properties;")
        print("items in catalog order):")
        let profile = ProfileSample(
            qemu: "10.0", host: ["kvm": "off"], capabilities: ["postcopy-ram": true, "multifd": true],
            parameters: ["multifd-channels": 4, "downtime-limit": 100], properties: ["x-preempt-pre-7-2": true])
        print("  JSONEncoder, default:      \(attempt { String(decoding: try encoder.encode(profile), as: UTF8.self) })")
        encoder.outputFormatting = [.sortedKeys]
        print("  JSONEncoder, .sortedKeys:  \(attempt { String(decoding: try encoder.encode(profile), as: UTF8.self) })")
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let pretty = attempt { String(decoding: try encoder.encode(["parameters": ["tls-creds": "a/b"], "host": [:]]), as: UTF8.self) }
        print("  JSONEncoder, pretty:       \(pretty.replacingOccurrences(of: "\n", with: "\\n"))")
        let ours = JSON.object([
            JSONMember(key: "parameters", value: .object([JSONMember(key: "tls-creds", value: .string("a/b"))])),
            JSONMember(key: "host", value: .object([])),
        ]).serialized(pretty: true)
        print("  JSON.serialized(pretty:):  \(ours.replacingOccurrences(of: "\n", with: "\\n"))")

        print("")
        print("JSON: inputs a hand-edited profile gets wrong (JSON(parsing:) | JSONDecoder to [String: AnyJSON]):")
        let cases = [
            ("syntax error", "{\n  \"qemu\": \"10.0\",\n  \"host\" {}\n}"),
            ("513 levels", String(repeating: "[", count: 513) + String(repeating: "]", count: 513)),
            ("duplicate key", #"{"qemu": "9.0", "qemu": "10.0"}"#),
            ("byte-order mark", "\u{FEFF}{\"qemu\": \"10.0\"}"),
            ("trailing comma", #"{"capabilities": ["multifd",],}"#),
            ("comment", "{\"qemu\": \"10.0\" // target\n}"),
        ]
        for (name, text) in cases {
            let ours: String
            do {
                ours = "accepted: " + (try JSON(parsing: text)).serialized()
            } catch {
                ours = "line \(error.line), column \(error.column): \(error.message)"
            }
            let theirs = attempt { "accepted: \(try decoder.decode([String: AnyJSON].self, from: Data(text.utf8)))" }
            print("  \(name.padding(toLength: 16, withPad: " ", startingAt: 0))  \(ours.prefix(60)) | \(theirs.prefix(90))")
        }
        if sink == 42 { print("") }
    }

    static func perParse(_ rate: Double) -> String {
        let microseconds = 1e6 / rate
        let megabytes = rate * Double(document.utf8.count) / 1e6
        return "\(String(format: "%8.1f", microseconds)) µs/parse  \(String(format: "%6.1f", megabytes)) MB/s"
    }

    static func describe(_ value: UInt64?) -> String {
        value.map(String.init) ?? "nil"
    }

    /// The value, or the error's own text, so refusals print as JSONDecoder words them.
    static func attempt<T>(_ body: () throws -> T) -> String {
        do {
            return "\(try body())"
        } catch DecodingError.dataCorrupted(let context) {
            return "refused: \(context.debugDescription) (underlying error: \(context.underlyingError.map { "\($0)" } ?? "none"))"
        } catch {
            return "refused: \(error)"
        }
    }
}

/// Any JSON value through Codable, the nearest `JSONDecoder` gets to `JSON(parsing:)`. Codable
/// cannot ask a value's kind, so each kind is tried in turn; numbers are `Decimal`, the one
/// Codable number type that holds 2^64 exactly.
enum AnyJSON: Decodable, CustomStringConvertible {
    case null, bool(Bool), number(Decimal), string(String), array([AnyJSON]), object([String: AnyJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([String: AnyJSON].self) {
            self = .object(value)
        } else if let value = try? container.decode([AnyJSON].self) {
            self = .array(value)
        } else {
            self = .number(try container.decode(Decimal.self))
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .number(let value): "\(value)"
        case .string(let value): value.debugDescription
        case .array(let values): "\(values)"
        case .object(let members): "\(members)"
        }
    }
}

/// The benchmark document as Codable types, Codable's best case: every parameter QEMU 10.0 sends is
/// a typed property, so nothing is tried and discarded.
struct Transcript: Decodable {
    let replies: Int
    let maxBandwidth: UInt64?

    init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        var replies = 0
        var maxBandwidth: UInt64?
        while !container.isAtEnd {
            maxBandwidth = try container.decode(Reply<Parameters>.self).return.maxBandwidth
            replies += try container.decode(Reply<[Capability]>.self).return.count
        }
        self.replies = replies
        self.maxBandwidth = maxBandwidth
    }

    struct Reply<Value: Decodable>: Decodable {
        let `return`: Value
    }

    struct Capability: Decodable {
        let capability: String
        let state: Bool
    }

    struct Parameters: Decodable {
        let announceInitial, announceMax, announceRounds, announceStep, availSwitchoverBandwidth, cpuThrottleIncrement,
            cpuThrottleInitial, downtimeLimit, maxBandwidth, maxCpuThrottle, maxPostcopyBandwidth, multifdChannels,
            multifdQatzipLevel, multifdZlibLevel, multifdZstdLevel, throttleTriggerThreshold, vcpuDirtyLimit,
            xbzrleCacheSize, xCheckpointDelay, xVcpuDirtyLimitPeriod: UInt64?
        let mode, multifdCompression, tlsAuthz, tlsCreds, tlsHostname, zeroPageDetection: String?
        let cpuThrottleTailslow, directIo: Bool?

        enum CodingKeys: String, CodingKey {
            case announceInitial = "announce-initial", announceMax = "announce-max", announceRounds = "announce-rounds"
            case announceStep = "announce-step", availSwitchoverBandwidth = "avail-switchover-bandwidth"
            case cpuThrottleIncrement = "cpu-throttle-increment", cpuThrottleInitial = "cpu-throttle-initial"
            case downtimeLimit = "downtime-limit", maxBandwidth = "max-bandwidth", maxCpuThrottle = "max-cpu-throttle"
            case maxPostcopyBandwidth = "max-postcopy-bandwidth", multifdChannels = "multifd-channels"
            case multifdQatzipLevel = "multifd-qatzip-level", multifdZlibLevel = "multifd-zlib-level"
            case multifdZstdLevel = "multifd-zstd-level", throttleTriggerThreshold = "throttle-trigger-threshold"
            case vcpuDirtyLimit = "vcpu-dirty-limit", xbzrleCacheSize = "xbzrle-cache-size"
            case xCheckpointDelay = "x-checkpoint-delay", xVcpuDirtyLimitPeriod = "x-vcpu-dirty-limit-period"
            case mode, multifdCompression = "multifd-compression", tlsAuthz = "tls-authz", tlsCreds = "tls-creds"
            case tlsHostname = "tls-hostname", zeroPageDetection = "zero-page-detection"
            case cpuThrottleTailslow = "cpu-throttle-tailslow", directIo = "direct-io"
        }
    }
}

/// A profile as a Codable struct, its properties declared in the order migedit writes them.
struct ProfileSample: Encodable {
    let qemu: String
    let host: [String: String]
    let capabilities: [String: Bool]
    let parameters: [String: UInt64]
    let properties: [String: Bool]
}
