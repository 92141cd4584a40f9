import Testing
@testable import MigrationCore

struct ExportTests {
    func configuration(_ assignments: String...) throws -> Configuration {
        var configuration = Configuration()
        for assignment in assignments { try configuration.assign(assignment) }
        return configuration
    }

    @Test func defaultsExportNothing() {
        for format in [ExportFormat.global, .qmp, .hmp] {
            let export = Exporter.export(Configuration(), host: .standard, format: format)
            #expect(export.text.isEmpty && export.notes.isEmpty)
        }
        #expect(Exporter.export(Configuration(), host: .standard, format: .json).text == "{\n  \"qemu\": \"9.0\"\n}\n")
    }

    @Test func globalIsOneLineInCatalogOrder() throws {
        let c = try configuration("multifd-channels=8", "x-multifd=on", "return-path=on", "xbzrle-cache-size=268435456", "store-global-state=off")
        #expect(Exporter.export(c, host: .standard, format: .global).text
            == "-global migration.x-return-path=on -global migration.x-multifd=on -global migration.multifd-channels=8 "
            + "-global migration.xbzrle-cache-size=256M -global migration.store-global-state=off")
    }

    @Test func itemsWithoutPropertyGoToNotes() throws {
        let c = try configuration("dirty-bitmaps=on", "validate-uuid=on", "multifd=on")
        let export = Exporter.export(c, host: .standard, format: .global)
        #expect(export.text == "-global migration.x-multifd=on")
        #expect(export.notes == [
            "dirty-bitmaps has no -global property; set it with --format qmp or hmp",
            "validate-uuid has no -global property; set it with --format qmp or hmp",
        ])
    }

    @Test func zeroCopyHasNoPropertyOffLinux() throws {
        var host = Host()
        host.os = .other
        let c = try configuration("zero-copy-send=on")
        #expect(Exporter.export(c, host: .standard, format: .global).text == "-global migration.x-zero-copy-send=on")
        #expect(Exporter.export(c, host: host, format: .global).text.isEmpty)
    }

    @Test func qmpCommands() throws {
        let c = try configuration("return-path=on", "switchover-ack=on", "downtime-limit=500", "tls-creds=tls0", "multifd-compression=zstd", "send-configuration=off")
        let export = Exporter.export(c, host: .standard, format: .qmp)
        #expect(export.text == """
            {"execute":"migrate-set-capabilities","arguments":{"capabilities":[{"capability":"return-path","state":true},{"capability":"switchover-ack","state":true}]}}
            {"execute":"migrate-set-parameters","arguments":{"tls-creds":"tls0","downtime-limit":500,"multifd-compression":"zstd"}}
            """)
        #expect(export.notes == ["send-configuration is a -global property only; QMP cannot set it"])
    }

    @Test func hmpCommandsSetCapabilitiesFirstAndSizesInBytes() throws {
        var c = try configuration("return-path=on", "switchover-ack=on", "max-bandwidth=1G", "xbzrle-cache-size=128M", "tls-hostname=a b", "tls-authz=")
        c[.tlsAuthz] = .text("say \"hi\"\\")
        c[.blockBitmapMapping] = .bitmapMapping([BitmapNodeAlias(nodeName: "n", alias: "a", bitmaps: [])])
        let export = Exporter.export(c, host: .standard, format: .hmp)
        #expect(export.text == """
            migrate_set_capability return-path on
            migrate_set_capability switchover-ack on
            migrate_set_parameter tls-hostname "a b"
            migrate_set_parameter tls-authz "say \\"hi\\"\\\\"
            migrate_set_parameter max-bandwidth 1073741824B
            migrate_set_parameter xbzrle-cache-size 134217728
            """)
        #expect(export.notes == ["block-bitmap-mapping can only be set through QMP; use --format qmp"])
    }

    @Test func hmpQuotesEmptyStrings() {
        #expect(Exporter.hmpQuoted("") == "\"\"")
        #expect(Exporter.hmpQuoted("tls0") == "tls0")
        #expect(Exporter.hmpQuoted("a\nb") == "\"a\\nb\"")
    }
}
