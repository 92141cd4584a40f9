import MigrationCore
import Testing

/// The machine types of each release, their aliases, and the compat defaults they apply.
@Suite("Machine types")
struct MachineTypeTests {
    private func names(_ family: MachineType.Family, _ release: QEMUVersion) -> [String] {
        MachineType.available(in: release).filter { $0.family == family }.map(\.version.description)
    }

    @Test func eachReleaseListsItsTypesNewestFirst() {
        #expect(names(.i440fx, .v7_2).first == "7.2" && names(.i440fx, .v7_2).last == "1.4")
        #expect(names(.q35, .v7_2).first == "7.2" && names(.q35, .v7_2).last == "2.4")
        #expect(names(.q35, .v7_2).contains("4.0.1") && !names(.i440fx, .v7_2).contains("4.0.1"))
        #expect(names(.i440fx, .v8_2).last == "2.0")
        #expect(names(.i440fx, .v9_1).last == "2.4")
        #expect(names(.q35, .v10_1).last == "4.2" && names(.i440fx, .v10_1).last == "4.2")
        #expect(names(.q35, .v10_2).last == "5.0" && names(.q35, .v10_2).first == "10.2")
        for release in QEMUVersion.allCases {
            for family in MachineType.Family.allCases {
                let versions = MachineType.available(in: release).filter { $0.family == family }.map(\.version)
                #expect(versions == versions.sorted(by: >), "\(family) on \(release)")
                #expect(versions.first == MachineVersion(release), "\(family) on \(release) ends at the release")
            }
        }
    }

    @Test func aliasesResolveToTheReleasesNewest() {
        for release in QEMUVersion.allCases {
            #expect(MachineType(name: "q35", in: release)?.name == "pc-q35-\(release)")
            #expect(MachineType(name: "pc", in: release)?.name == "pc-i440fx-\(release)")
        }
        #expect(MachineType(name: "pc-q35-10.0", in: .v9_0) == nil)
        #expect(MachineType(name: "pc-i440fx-1.4", in: .v8_2) == nil)
        #expect(MachineType(name: "microvm", in: .v9_0) == nil)
    }

    @Test func compatEntriesParseAsTheirPropertiesAndExistWhereTheyApply() {
        for entry in MachineCompat.all {
            for release in QEMUVersion.allCases where entry.releases.contains(release) {
                #expect(Catalog.for(release).contains(entry.item), "\(entry.array) \(entry.item.item.name) on \(release)")
            }
            #expect(entry.value != entry.item.item.defaultValue, "\(entry.array) changes \(entry.item.item.name)")
        }
    }

    @Test(arguments: [
        ("pc-q35-8.2", QEMUVersion.v9_0, ["zero-page-detection=legacy"]),
        ("pc-q35-8.2", .v8_2, []),
        ("pc-q35-9.0", .v10_0, ["send-switchover-start=off", "multifd-clean-tls-termination=off"]),
        ("pc-q35-7.2", .v10_0, ["send-switchover-start=off", "multifd-flush-after-each-section=on",
                                "multifd-clean-tls-termination=off", "x-preempt-pre-7-2=on", "zero-page-detection=legacy"]),
        ("pc-i440fx-7.2", .v7_2, []),
        ("pc-i440fx-2.3", .v7_2, ["store-global-state=off", "send-configuration=off", "send-section-footer=off",
                                  "decompress-error-check=off"]),
        ("pc-i440fx-2.4", .v9_0, ["multifd-flush-after-each-section=on", "x-preempt-pre-7-2=on",
                                  "zero-page-detection=legacy", "decompress-error-check=off"]),
        ("pc-q35-10.2", .v10_2, []),
    ])
    func defaultsOfAMachineType(_ name: String, _ release: QEMUVersion, _ expected: [String]) throws {
        let machine = try #require(MachineType(name: name, in: release))
        let defaults = machine.defaults(in: release)
        let changed = defaults.values.indices.compactMap { index -> String? in
            let id = ItemID.allCases[index]
            guard defaults[id] != id.item.defaultValue else { return nil }
            return "\(id.item.name)=\(ValueFormatter.globalText(defaults[id], as: id.item.type))"
        }
        #expect(changed.sorted() == expected.sorted())
        #expect(defaults.changedItems.isEmpty, "the machine's defaults are its starting point")
    }

    @Test func anExportLeavesOutWhatTheMachineTypeSets() throws {
        var profile = Profile(version: .v10_0)
        try profile.setMachine("pc-q35-8.2")
        #expect(Exporter.export(profile.configuration, host: profile.host, version: .v10_0, format: .global).text == "")
        profile.configuration[.zeroPageDetection] = .choice("multifd")
        profile.configuration[.multifd] = .bool(true)
        let text = Exporter.export(profile.configuration, host: profile.host, version: .v10_0, format: .global).text
        #expect(text == "-global migration.x-multifd=on -global migration.zero-page-detection=multifd")
        let read = try Profile(json: profile.json)
        #expect(read == profile, "a profile with a machine type reads back as written")
        #expect(read.configuration[.zeroPageDetection] == .choice("multifd"))
        #expect(read.configuration[.sendSwitchoverStart] == .bool(false))
    }

    @Test func switchingMachineOrReleaseKeepsWhatWasChanged() throws {
        var profile = Profile(version: .v10_0)
        profile.configuration[.sendSwitchoverStart] = .bool(false)
        profile.configuration[.multifdChannels] = .number(8)
        try profile.setMachine("pc-q35-8.2")
        #expect(profile.configuration.changedItems == [.multifdChannels], "send-switchover-start=off is now the default")
        #expect(profile.configuration[.zeroPageDetection] == .choice("legacy"))
        let moved = profile.moved(to: .v8_2).document
        #expect(!moved.configuration.isChanged(.zeroPageDetection) && moved.configuration[.multifdChannels] == .number(8))
        let back = moved.moved(to: .v10_0).document
        #expect(back.configuration[.zeroPageDetection] == .choice("legacy"), "the machine type's default again")
        try profile.setMachine(nil)
        #expect(profile.configuration[.zeroPageDetection] == .choice("multifd"))
        #expect(profile.configuration[.sendSwitchoverStart] == .bool(true))
    }

    @Test func unknownMachineTypesAreRefusedWithTheKnownOnes() {
        var profile = Profile(version: .v9_0)
        #expect(throws: ImportError.self) { try profile.setMachine("pc-q35-10.0") }
        do {
            try profile.setMachine("pc-q35-10.0")
        } catch {
            #expect(error.message.hasPrefix("QEMU 9.0 has no machine type 'pc-q35-10.0'; known: none, q35, pc, pc-q35-9.0,"))
        }
        #expect(throws: ImportError.self) { try Profile(json: #"{"qemu": "9.0", "host": {"machine": "pc-q35-9.2"}}"#) }
    }

    @Test func aCommandLinesMachineTypeComesBeforeItsGlobalsWhereverItStands() throws {
        let line = "qemu -global migration.zero-page-detection=multifd -M pc-q35-8.2,accel=kvm -global migration.x-multifd=on"
        let profile = try Importer.read(line, format: .cmdline, version: .v9_0)
        #expect(profile.host.machine == "pc-q35-8.2")
        #expect(profile.configuration.changedItems == [.multifd, .zeroPageDetection])
        let fragment = try Importer.read("-global migration.zero-page-detection=legacy", format: .global, version: .v9_0,
                                         host: { var host = Host(); host.machine = "pc-q35-8.2"; return host }())
        #expect(fragment.configuration.changedItems.isEmpty, "legacy is pc-q35-8.2's default")
    }

    @Test func explainShowsTheMachineTypesDefault() throws {
        let text = try #require(Explanation.text(for: "zero-page-detection", version: .v9_0, machine: MachineType(name: "pc-q35-8.2", in: .v9_0)))
        #expect(text.contains("default:  legacy under pc-q35-8.2 (QEMU's own: multifd)"))
        #expect(text.contains("machines: 8.2 and older set legacy (hw_compat_8_2)"))
    }
}
