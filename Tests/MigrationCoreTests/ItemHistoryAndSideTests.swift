import Testing
@testable import MigrationCore

@Suite("Item history and side")
struct ItemHistoryAndSideTests {
    @Test func historyComesFromTheCatalogAndTheRuleBook() {
        #expect(ItemHistory.lines(for: ItemID.compress.item) == [
            "7.2: present (the oldest release migedit knows)",
            "8.2: deprecated (QEMU warns when it is used)",
            "8.2: rule compress-deprecated added",
            "8.2: rule compress-vs-xbzrle added",
            "9.0: rule mapped-ram-vs-compress added",
            "9.1: removed",
        ])
        #expect(ItemHistory.lines(for: ItemID.switchoverAck.item).first == "8.1: added")
        #expect(ItemHistory.lines(for: ItemID.postcopyBlocktime.item).contains("10.1: gets a -global property"))
    }

    @Test func historyNamesChoiceChangesAndRewordings() {
        let compression = ItemHistory.lines(for: ItemID.multifdCompression.item)
        #expect(compression.contains("9.1: choices +qpl, +uadk"))
        #expect(compression.contains("9.2: choices +qatzip"))
        let postcopy = ItemHistory.lines(for: ItemID.postcopyRam.item)
        #expect(postcopy.contains { $0.hasPrefix("8.1: rule postcopy-ram-host-support reworded (was \"Postcopy is not supported") })
    }

    @Test func historyIsInReleaseOrder() {
        for id in ItemID.allCases {
            let versions = ItemHistory.lines(for: id.item).compactMap { QEMUVersion(rawValue: String($0.prefix { $0 != ":" })) }
            #expect(versions == versions.sorted(), "\(id.item.name)")
        }
    }

    @Test func theCheckedSidesAreRecorded() {
        for id in [ItemID.postcopyRam, .multifd, .mappedRam, .multifdCompression] {
            #expect(id.item.side?.side == .both, "\(id.item.name)")
        }
        for id in [ItemID.announceInitial, .announceMax, .announceRounds, .announceStep, .multifdCleanTlsTermination] {
            #expect(id.item.side?.side == .destination, "\(id.item.name)")
        }
        #expect(ItemID.returnPath.item.side == nil, "not checked yet, so not claimed")
    }

    /// Facts checked against QEMU 9.0's migration/ (which path calls the getter).
    static let checkedSides: [(ItemID, Side)] = [
        (.maxBandwidth, .source),
        (.xbzrleCacheSize, .source),
        (.downtimeLimit, .source),
        (.cpuThrottleInitial, .source),
        (.tlsHostname, .source),
        (.decompressThreads, .destination),
        (.lateBlockActivate, .destination),
        (.postcopyBlocktime, .destination),
        (.tlsAuthz, .destination),
        (.decompressErrorCheck, .destination),
        (.switchoverAck, .both),
        (.postcopyPreempt, .both),
        (.multifdChannels, .both),
        (.sendConfiguration, .both),
        (.sendSectionFooter, .both),
    ]

    @Test("settings each side reads for its own end")
    func eachSideItsOwn() {
        for id in [ItemID.events, .blockBitmapMapping, .directIo] {
            #expect(id.item.side?.side == .each, "\(id.item.name)")
        }
        #expect(Side.each.label == "each side its own")
    }

    @Test("newly checked sides", arguments: checkedSides)
    func newlyCheckedSide(id: ItemID, side: Side) {
        #expect(id.item.side?.side == side, "\(id.item.name)")
    }

    @Test func everyRecordedSideHasAReason() {
        for id in ItemID.allCases {
            guard let fact = id.item.side else { continue }
            #expect(!fact.reason.trimmingCharacters(in: .whitespaces).isEmpty, "\(id.item.name)")
            #expect(!fact.reason.hasSuffix("."), "\(id.item.name): a fragment, like the others")
        }
    }

    @Test func explainPrintsTheSideTheRulesWithTheirReleasesAndTheHistory() throws {
        let text = try #require(Explanation.text(for: "multifd", version: .v9_0))
        #expect(text.contains("  side:     must match on both sides: "))
        #expect(text.contains("    postcopy-ram-vs-multifd · 8.1 to 10.0\n      Postcopy is not yet compatible with multifd"))
        #expect(text.contains("  History:\n    7.2: present (the oldest release migedit knows)"))
        #expect(text.contains("    10.1: rule postcopy-ram-vs-multifd removed"))
    }
}
