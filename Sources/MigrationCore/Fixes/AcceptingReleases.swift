extension QEMUVersion {
    /// The releases that accept the configuration as it is on this host, oldest first: when no
    /// setting should change, the answer may be another QEMU (postcopy-ram with multifd is
    /// refused from 8.1 to 10.0 only). A release that lacks a changed setting, or one of its
    /// enum choices, does not accept it: its QEMU would refuse the option.
    public static func releases(accepting configuration: Configuration, on host: Host = .standard) -> [QEMUVersion] {
        allCases.filter { version in
            configuration.valuesLost(movingTo: version).isEmpty
                && Checker.for(version).check(configuration, on: host).isAccepted
        }
    }

    /// A list of releases in words, consecutive ones joined, a run up to the newest open-ended
    /// (a later release is likely to keep accepting): `7.2 to 8.0, 10.1 and later`.
    public static func describe(_ versions: [QEMUVersion]) -> String {
        var runs: [[QEMUVersion]] = []
        for version in versions.sorted() {
            if let last = runs.last?.last, last.index + 1 == version.index {
                runs[runs.count - 1].append(version)
            } else {
                runs.append([version])
            }
        }
        return runs.map { run in
            if run.last == .newest { return "\(run[0]) and later" }
            return run.count == 1 ? "\(run[0])" : "\(run[0]) to \(run.last!)"
        }.joined(separator: ", ")
    }

    /// The sentence saying which releases would take a configuration unchanged, as
    /// `check --suggest` and the editor's problems list print it.
    public static func acceptedAsIs(by versions: [QEMUVersion]) -> String {
        versions.isEmpty
            ? "no QEMU release from \(span) accepts it as is"
            : "accepted as is by QEMU " + describe(versions)
    }
}
