import MigrationCore
import Testing

/// The QMP and HMP exports name the settings a release's monitor accepts without applying.
@Suite struct MonitorQuirkTests {
    func levels() throws -> Configuration {
        var configuration = Configuration()
        try configuration.assign("multifd-compression=zstd", version: .v7_2)
        try configuration.assign("multifd-zstd-level=5", version: .v7_2)
        try configuration.assign("multifd-zlib-level=7", version: .v7_2)
        return configuration
    }

    @Test func qmpExportBefore90NotesBothLevels() throws {
        let export = Exporter.export(try levels(), host: .standard, version: .v8_2, format: .qmp)
        #expect(export.text == #"{"execute":"migrate-set-parameters","arguments":{"multifd-compression":"zstd","multifd-zlib-level":7,"multifd-zstd-level":5}}"#)
        #expect(export.notes == [
            "multifd-zlib-level=7 is accepted but not applied by QEMU 8.2's migrate-set-parameters; pass it as -global migration.multifd-zlib-level=7",
            "multifd-zstd-level=5 is accepted but not applied by QEMU 8.2's migrate-set-parameters; pass it as -global migration.multifd-zstd-level=5",
        ])
    }

    @Test func hmpExportNamesHMPsCommand() throws {
        let export = Exporter.export(try levels(), host: .standard, version: .v7_2, format: .hmp)
        #expect(export.notes.count == 2)
        #expect(export.notes.allSatisfy { $0.contains("QEMU 7.2's migrate_set_parameter; pass it as -global migration.") })
    }

    @Test func fixedReleasesAndOtherFormatsHaveNoNote() throws {
        #expect(Exporter.export(try levels(), host: .standard, version: .v9_0, format: .qmp).notes.isEmpty)
        #expect(Exporter.export(try levels(), host: .standard, version: .v7_2, format: .global).notes.isEmpty)
        #expect(!MonitorQuirks.ignores(.multifdZstdLevel, in: .v9_0))
        #expect(MonitorQuirks.ignores(.multifdZstdLevel, in: .v8_0))
        #expect(!MonitorQuirks.ignores(.multifdChannels, in: .v7_2))
    }

    @Test func hmpExportLeavesOutSizesAboveINT64MAX() throws {
        var configuration = Configuration()
        try configuration.assign("max-bandwidth=9223372036854775808")
        try configuration.assign("xbzrle-cache-size=8E")
        let hmp = Exporter.export(configuration, host: .standard, version: .v10_0, format: .hmp)
        #expect(hmp.text.isEmpty)
        #expect(hmp.notes == [
            "max-bandwidth=9223372036854775808 is above 9223372036854775807, the most HMP's migrate_set_parameter takes; use --format qmp",
            "xbzrle-cache-size=9223372036854775808 is above 9223372036854775807, the most HMP's migrate_set_parameter takes; use --format qmp",
        ])
        configuration[.maxBandwidth] = .number(UInt64(Int64.max))
        #expect(Exporter.export(configuration, host: .standard, version: .v10_0, format: .hmp).text
            == "migrate_set_parameter max-bandwidth 9223372036854775807B")
        #expect(Exporter.export(configuration, host: .standard, version: .v10_0, format: .qmp).notes.isEmpty)
    }
}
