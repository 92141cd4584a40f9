import MigrationCore
import Testing
import TestSupport

import Glibc

/// `--machine TYPE` through the real binary: the machine type's compat values are the defaults
/// of check, export, import and explain, and an unknown type is bad input naming the known ones.
@Suite(.serialized)
struct MachineCLITests {
    func run(_ arguments: String..., input: String = "") throws -> ChildProcess.Output {
        let binary = try ChildProcess.builtProduct(named: "migedit")
        return try ChildProcess.run([binary] + arguments, input: Array(input.utf8), environment: ["PATH": "/usr/bin:/bin"])
    }

    @Test func anExportWritesOnlyWhatDiffersFromTheMachineType() throws {
        let plain = try run("export", "--qemu", "10.0", "--set", "send-switchover-start=off")
        #expect(plain.standardOutput == "-global migration.send-switchover-start=off\n")
        let old = try run("export", "--qemu", "10.0", "--machine", "pc-q35-9.2", "--set", "send-switchover-start=off")
        #expect(old.exitCode == 0 && old.standardOutput.allSatisfy(\.isNewline), "off is pc-q35-9.2's default")
        let back = try run("export", "--qemu", "10.0", "--machine", "pc-q35-9.2", "--set", "send-switchover-start=on")
        #expect(back.standardOutput == "-global migration.send-switchover-start=on\n", "on must be written: the type sets off")
    }

    @Test func aProfileKeepsItsMachineTypeAndItsDefaults() throws {
        let profile = try run("export", "--qemu", "9.0", "--machine", "pc-i440fx-8.2", "--set", "zero-page-detection=multifd", "--format", "json")
        #expect(profile.standardOutput.contains(#""machine": "pc-i440fx-8.2""#))
        #expect(profile.standardOutput.contains(#""zero-page-detection": "multifd""#))
        let fragment = try run("export", "-", input: profile.standardOutput)
        #expect(fragment.standardOutput == "-global migration.zero-page-detection=multifd\n")
        let aliased = try run("export", "-", "--machine", "pc", input: profile.standardOutput)
        #expect(aliased.exitCode == 0 && aliased.standardOutput.allSatisfy(\.isNewline), "pc is pc-i440fx-9.0, whose default is multifd")
        #expect(try run("check", "-", "--machine", "q35", input: profile.standardOutput).exitCode == 0)
    }

    @Test func importReadsTheMachineTypeOfACommandLine() throws {
        let imported = try run("import", "--from", "cmdline", "--qemu", "9.0",
                               input: "qemu-system-x86_64 -machine type=pc-q35-8.2,accel=kvm -global migration.zero-page-detection=legacy")
        let profile = try Profile(json: imported.standardOutput)
        #expect(profile.host.machine == "pc-q35-8.2" && profile.configuration.changedItems.isEmpty)
        let flagged = try run("import", "--from", "global", "--qemu", "9.0", "--machine", "pc-q35-8.2",
                              input: "-global migration.x-multifd=on")
        #expect(try Profile(json: flagged.standardOutput).configuration[.zeroPageDetection] == .choice("legacy"))
    }

    @Test func unknownMachineTypesAreBadInput() throws {
        for arguments in [["check", "--qemu", "9.0", "--machine", "pc-q35-9.2"], ["explain", "multifd", "--machine", "virt"],
                          ["import", "--qemu", "9.0", "--machine", "pc-q35-10.0"]] {
            let result = try ChildProcess.run([try ChildProcess.builtProduct(named: "migedit")] + arguments,
                                              input: Array("-global migration.x-multifd=on".utf8), environment: ["PATH": "/usr/bin:/bin"])
            #expect(result.exitCode == 2 && result.standardOutput.isEmpty, "\(arguments)")
            #expect(result.standardError.contains("has no machine type") && result.standardError.contains("known: none, q35, pc, pc-q35-"),
                    "\(arguments): \(result.standardError)")
        }
        let microvm = try run("import", "--from", "cmdline", input: "qemu -M microvm -global migration.x-multifd=on")
        #expect(microvm.exitCode == 2 && microvm.standardError.contains("QEMU 9.0 has no machine type 'microvm'"))
    }

    @Test func explainShowsTheMachineTypesDefault() throws {
        let text = try run("explain", "multifd-flush-after-each-section", "--qemu", "10.0", "--machine", "pc-q35-8.0").standardOutput
        #expect(text.contains("default:  on under pc-q35-8.0 (QEMU's own: off)"))
        #expect(text.contains("machines: 8.0 and older set on (hw_compat_8_0)"))
    }
}

/// `probe --machine` and `verify --machine` against the QEMU 7.2 on PATH.
@Suite(.enabled(if: access("/usr/bin/qemu-system-x86_64", X_OK) == 0))
struct MachineProbeAndVerifyTests {
    func run(_ arguments: String...) throws -> ChildProcess.Output {
        try ChildProcess.run([try ChildProcess.builtProduct(named: "migedit")] + arguments, environment: ["PATH": "/usr/bin:/bin"])
    }

    @Test func probeNamesTheMachineTypeAndRefusesOneTheBinaryLacks() throws {
        let flags = try run("probe", "--format", "flags", "--machine", "pc-i440fx-2.3")
        #expect(flags.exitCode == 0 && flags.standardOutput.hasSuffix("--machine pc-i440fx-2.3\n"), "\(flags.standardError)")
        let words = flags.standardOutput.split(whereSeparator: \.isWhitespace).map(String.init)
        let exported = try ChildProcess.run([try ChildProcess.builtProduct(named: "migedit"), "export", "--qemu", "7.2", "--set", "store-global-state=on"] + words,
                                            environment: ["PATH": "/usr/bin:/bin"])
        #expect(exported.standardOutput == "-global migration.store-global-state=on\n", "off is pc-i440fx-2.3's default on 7.2")
        let unknown = try run("probe", "--machine", "pc-q35-9.0")
        #expect(unknown.exitCode == 2 && unknown.standardError.contains("QEMU 7.2 has no machine type 'pc-q35-9.0'"))
    }

    @Test func verifyRunsQEMUUnderTheMachineType() throws {
        let result = try run("verify", "--machine", "pc-i440fx-1.7", "--set", "store-global-state=on", "--set", "x-multifd=on")
        #expect(result.exitCode == 0, "\(result.standardOutput)")
        #expect(result.standardOutput.contains("ran:     -M pc-i440fx-1.7 -nodefaults"))
        #expect(result.standardOutput.contains("QEMU warned: Machine type 'pc-i440fx-1.7' is deprecated: old and unattended"))
    }
}
