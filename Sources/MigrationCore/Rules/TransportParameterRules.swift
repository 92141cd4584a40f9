/// P20 and P21: the parameter-side halves of the zero-copy and mapped-ram checks. They read
/// the capabilities as currently stored, which at startup are the configured ones.
extension RuleBook {
    static let zeroCopyParameters = Rule(
        .zeroCopySendVsCompressionOrTLS, .parameters, "P20",
        subjects: [.item(.zeroCopySend), .item(.multifdCompression), .item(.tlsCreds), .host(.os)], trigger: .zeroCopySend,
        message: "Zero copy only available for non-compressed non-TLS multifd migration",
        explanation: "Zero-copy hands the kernel pointers into guest memory so the page bytes "
            + "go to the socket untouched. Compression and TLS both have to produce new bytes "
            + "first, so there is nothing left to send without copying. (Linux builds only.)",
        narrow: { configuration, _ in
            [.item(.zeroCopySend)] + compressionOrTLS(configuration)
        }
    ) { configuration, host in
        host.os == .linux && configuration.isOn(.zeroCopySend) && usesCompressionOrTLS(configuration)
    }

    static let mappedRamParameters = Rule(
        .mappedRamVsCompressionOrTLS, .parameters, "P21",
        subjects: [.item(.mappedRam), .item(.multifdCompression), .item(.tlsCreds)], trigger: .mappedRam,
        message: "Mapped-ram only available for non-compressed non-TLS multifd migration",
        explanation: "mapped-ram writes every page at a fixed offset of a file. Compressed "
            + "pages have no fixed size and TLS is a network-stream wrapper, so neither fits "
            + "the file layout.",
        narrow: { configuration, _ in [.item(.mappedRam)] + compressionOrTLS(configuration) }
    ) { configuration, _ in
        configuration.isOn(.mappedRam) && usesCompressionOrTLS(configuration)
    }

    /// Whether multifd compression or TLS is on; allocation-free for the checker's hot path.
    static func usesCompressionOrTLS(_ configuration: Configuration) -> Bool {
        configuration.isNonNeutral(.multifdCompression) || configuration.isNonNeutral(.tlsCreds)
    }

    /// multifd-compression other than none, and a non-empty tls-creds (which is what turns TLS on).
    static func compressionOrTLS(_ configuration: Configuration) -> [Subject] {
        var subjects: [Subject] = []
        if configuration.isNonNeutral(.multifdCompression) { subjects.append(.item(.multifdCompression)) }
        if configuration.isNonNeutral(.tlsCreds) { subjects.append(.item(.tlsCreds)) }
        return subjects
    }
}
