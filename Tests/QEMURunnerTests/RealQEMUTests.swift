import Testing
@testable import QEMURunner

// Tests against the real binaries that scripts/fetch-qemu provides. A missing binary skips its
// suite, except under CI=true, where `binariesPresentInCI` fails instead.

@Test("Both QEMU binaries are there when CI=true", .enabled(if: Binaries.isCI))
func binariesPresentInCI() {
    #expect(Binaries.qemu72Path != nil, Comment(rawValue: Binaries.missing72))
    #expect(Binaries.qemu100Path != nil, Comment(rawValue: Binaries.missing100))
}

// MARK: - Checks shared by both versions

private func expectDefaults(_ qemu: QEMUBinary) throws {
    let outcome = try QEMURunner.run(qemu, arguments: [])
    #expect(outcome.exitStatus == 0)
    #expect(outcome.isAccepted)
    #expect(outcome.firstError == nil)
    #expect(outcome.warnings.isEmpty)
    #expect(outcome.stderrLines.isEmpty, "stderr: \(outcome.rawStderr)")
    #expect(outcome.qmpErrors.isEmpty)
    let capabilities = try #require(outcome.capabilities)
    #expect(capabilities.count >= 19)
    #expect(capabilities.values.allSatisfy { !$0 }, "every capability is off by default: \(capabilities)")
    let parameters = try #require(outcome.parameters)
    #expect(parameters["multifd-channels"] == .integer(2))
    #expect(parameters["downtime-limit"] == .integer(300))
    #expect(parameters["xbzrle-cache-size"] == .integer(67_108_864))
    #expect(parameters["max-bandwidth"] == .integer(134_217_728))
    #expect(parameters["multifd-compression"] == .string("none"))
    #expect(parameters["tls-creds"] == .string(""))
    #expect(parameters["cpu-throttle-tailslow"] == .bool(false))
    let info = try #require(outcome.migrateInfo)
    #expect(info.contains("downtime-limit: 300 ms\n"))
    #expect(!info.contains("\r"))
    let hmp = QEMUOutcome.hmpFields(info)
    #expect(hmp["multifd-channels"] == "2")
    let globals = try #require(outcome.globals)
    #expect(globals["store-global-state"] == "on")
    #expect(globals["send-configuration"] == "on")
    #expect(globals["send-section-footer"] == "on")
    #expect(globals["clear-bitmap-shift"] == "18")
}

private func expectMultifdReadBack(_ qemu: QEMUBinary) throws {
    let outcome = try QEMURunner.run(qemu, arguments: globals("x-multifd=on", "multifd-channels=8"))
    #expect(outcome.isAccepted)
    #expect(outcome.capabilities?["multifd"] == true)
    #expect(outcome.capabilities?["xbzrle"] == false)
    #expect(outcome.parameters?["multifd-channels"] == .integer(8))
    #expect(outcome.migrateInfo.map(QEMUOutcome.hmpFields)?["multifd-channels"] == "8")
}

private func expectRejected(_ qemu: QEMUBinary, _ arguments: [String], firstError: String) throws {
    let outcome = try QEMURunner.run(qemu, arguments: arguments)
    #expect(outcome.exitStatus == 1)
    #expect(!outcome.isAccepted)
    #expect(outcome.capabilities == nil)
    #expect(outcome.parameters == nil)
    #expect(outcome.migrateInfo == nil)
    #expect(outcome.firstError == firstError, "stderr: \(outcome.rawStderr)")
    #expect(outcome.rawStderr.hasPrefix("qemu-system-x86_64: "))
}

private func expectPostcopyPreemptRejected(_ qemu: QEMUBinary) throws {
    try expectRejected(qemu, globals("x-postcopy-preempt=on"), firstError: "Postcopy preempt requires postcopy-ram")
}

/// Values read back exactly: a full 64-bit size, a string with doubled commas (the short
/// `-global` form takes the value verbatim), the last of two duplicates.
private func expectExactValues(_ qemu: QEMUBinary) throws {
    let outcome = try QEMURunner.run(
        qemu,
        arguments: globals(
            "x-max-bandwidth=18446744073709551615", "tls-hostname=a,,b c", "multifd-channels=0", "multifd-channels=255"))
    #expect(outcome.isAccepted, "stderr: \(outcome.rawStderr)")
    #expect(outcome.parameters?["max-bandwidth"] == .integer(.max))
    #expect(outcome.parameters?["tls-hostname"] == .string("a,,b c"))
    #expect(outcome.parameters?["multifd-channels"] == .integer(255))
}

/// A misspelled driver name is only a warning, and QEMU starts.
private func expectInvalidClassWarning(_ qemu: QEMUBinary) throws {
    let outcome = try QEMURunner.run(qemu, arguments: ["-global", "migraton.multifd-channels=8"])
    #expect(outcome.isAccepted)
    #expect(outcome.firstError == nil)
    #expect(outcome.warnings == ["global migraton.multifd-channels has invalid class name"])
    #expect(outcome.parameters?["multifd-channels"] == .integer(2))
}

// MARK: - QEMU 7.2 (Debian bookworm)

@Suite("QEMU 7.2", .enabled(if: Binaries.qemu72Path != nil, Comment(rawValue: Binaries.missing72)))
struct QEMU72Tests {
    let qemu: QEMUBinary

    init() throws {
        qemu = try QEMUBinary.probe(try #require(Binaries.qemu72Path))
    }

    @Test func versionProbe() {
        #expect(qemu.majorMinor == "7.2")
        #expect(qemu.version.hasPrefix("7.2."))
        #expect(qemu.package?.hasPrefix("Debian 1:7.2") == true)
        #expect(qemu.path.hasPrefix("/"))
    }

    @Test func defaultsReadBack() throws { try expectDefaults(qemu) }

    @Test func multifdReadBack() throws { try expectMultifdReadBack(qemu) }

    @Test func postcopyPreemptRejected() throws { try expectPostcopyPreemptRejected(qemu) }

    @Test func exactValues() throws { try expectExactValues(qemu) }

    @Test func invalidClassIsAWarning() throws { try expectInvalidClassWarning(qemu) }

    @Test func compressExistsAndGlobalsShowDecompressCheck() throws {
        let outcome = try QEMURunner.run(qemu, arguments: globals("x-compress=on", "x-compress-level=9"))
        #expect(outcome.isAccepted)
        #expect(outcome.warnings.isEmpty)  // 7.2 does not deprecate compress yet
        #expect(outcome.capabilities?["compress"] == true)
        #expect(outcome.parameters?["compress-level"] == .integer(9))
        #expect(outcome.globals?["decompress-error-check"] == "on")
    }

    /// The check did not exist in 7.2: both capabilities come back on.
    @Test func postcopyWithMultifdAccepted() throws {
        let outcome = try QEMURunner.run(qemu, arguments: globals("x-postcopy-ram=on", "x-multifd=on"))
        #expect(outcome.isAccepted)
        #expect(outcome.capabilities?["postcopy-ram"] == true)
        #expect(outcome.capabilities?["multifd"] == true)
    }

    @Test func parseError() throws {
        try expectRejected(
            qemu, globals("x-compress-level=300"),
            firstError: "can't apply global migration.x-compress-level=300: Parameter 'x-compress-level' expects uint8_t")
    }

    @Test func rangeCheckBeatsCapabilityConflict() throws {
        try expectRejected(
            qemu, globals("x-compress-level=10", "x-multifd=on", "x-compress=on"),
            firstError: "Parameter 'compress_level' expects a value between 0 and 9")
    }

    /// A size parse error prints two hint lines without the program prefix.
    @Test func hintLinesAreKeptButNotTheFirstError() throws {
        let outcome = try QEMURunner.run(qemu, arguments: globals("xbzrle-cache-size=64MiB"))
        #expect(outcome.exitStatus == 1)
        #expect(
            outcome.stderrLines == [
                "can't apply global migration.xbzrle-cache-size=64MiB: Parameter 'xbzrle-cache-size' expects a non-negative number below 2^64",
                "Optional suffix k, M, G, T, P or E means kilo-, mega-, giga-, tera-, peta-",
                "and exabytes, respectively.",
            ])
        #expect(
            outcome.firstError
                == "can't apply global migration.xbzrle-cache-size=64MiB: Parameter 'xbzrle-cache-size' expects a non-negative number below 2^64")
    }

    @Test func unknownPropertyNotFound() throws {
        try expectRejected(
            qemu, globals("x-switchover-ack=on"),
            firstError: "can't apply global migration.x-switchover-ack=on: Property 'migration.x-switchover-ack' not found")
    }
}

// MARK: - QEMU 10.0 (bookworm-backports, unpacked by scripts/fetch-qemu)

@Suite("QEMU 10.0", .enabled(if: Binaries.qemu100Path != nil, Comment(rawValue: Binaries.missing100)))
struct QEMU100Tests {
    let qemu: QEMUBinary

    init() throws {
        qemu = try QEMUBinary.probe(try #require(Binaries.qemu100Path))
    }

    @Test func versionProbe() {
        #expect(qemu.majorMinor == "10.0")
        #expect(qemu.version.hasPrefix("10.0."))
        #expect(qemu.package?.contains("bpo12") == true)
    }

    @Test func defaultsReadBack() throws {
        try expectDefaults(qemu)
        let outcome = try QEMURunner.run(qemu, arguments: [])
        #expect(outcome.capabilities?["compress"] == nil)  // removed in 9.1
        #expect(outcome.capabilities?["mapped-ram"] == false)
        #expect(outcome.parameters?["zero-page-detection"] == .string("multifd"))
        #expect(outcome.globals?["send-switchover-start"] == "on")
        #expect(outcome.globals?["decompress-error-check"] == nil)
    }

    @Test func multifdReadBack() throws { try expectMultifdReadBack(qemu) }

    @Test func postcopyPreemptRejected() throws { try expectPostcopyPreemptRejected(qemu) }

    @Test func exactValues() throws { try expectExactValues(qemu) }

    @Test func invalidClassIsAWarning() throws { try expectInvalidClassWarning(qemu) }

    @Test func postcopyWithMultifdRejected() throws {
        try expectRejected(
            qemu, globals("x-postcopy-ram=on", "x-multifd=on"), firstError: "Postcopy is not yet compatible with multifd")
    }

    @Test func deprecationWarningIsSeparated() throws {
        let outcome = try QEMURunner.run(qemu, arguments: globals("x-zero-blocks=on"))
        #expect(outcome.isAccepted)
        #expect(outcome.firstError == nil)
        #expect(outcome.warnings == ["zero-blocks capability is deprecated"])
        #expect(outcome.stderrLines == ["warning: zero-blocks capability is deprecated"])
        #expect(outcome.capabilities?["zero-blocks"] == true)
    }

    @Test func warningThenError() throws {
        let outcome = try QEMURunner.run(qemu, arguments: globals("x-zero-blocks=on", "x-xbzrle=on", "x-multifd=on"))
        #expect(outcome.exitStatus == 1)
        #expect(outcome.warnings == ["zero-blocks capability is deprecated"])
        #expect(outcome.firstError == "Multifd is not compatible with xbzrle")
    }

    @Test func removedPropertyNotFound() throws {
        try expectRejected(
            qemu, globals("x-compress-level=300"),
            firstError: "can't apply global migration.x-compress-level=300: Property 'migration.x-compress-level' not found")
    }
}
