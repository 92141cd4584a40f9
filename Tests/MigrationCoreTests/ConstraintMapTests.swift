import Testing
@testable import MigrationCore

@Suite struct ConstraintMapTests {
    /// Each link, replayed through the checker: a conflict is reported with both settings set
    /// and not with the trigger alone; a need is reported with the trigger alone and not once met.
    @Test(arguments: QEMUVersion.allCases)
    func everyLinkIsWhatTheCheckerSays(version: QEMUVersion) {
        let map = ConstraintMap.of(version)
        let checker = Checker.for(version)
        for link in map.links where link.relation != .bounds {
            var alone = Configuration()
            alone[link.item] = .bool(true)
            let needs = map.links.filter { $0.rule == link.rule && $0.relation == .requires }
            for need in needs where need.other != link.other { alone[need.other] = need.otherValues[0] }
            var both = alone
            both[link.other] = link.otherValues[0]
            let aloneIDs = checker.check(alone).diagnostics.map(\.ruleID)
            let bothIDs = checker.check(both).diagnostics.map(\.ruleID)
            switch link.relation {
            case .conflicts:
                #expect(!aloneIDs.contains(link.rule.rawValue), "\(version) \(link.sentence)")
                #expect(bothIDs.contains(link.rule.rawValue), "\(version) \(link.sentence)")
            case .requires:
                #expect(aloneIDs.contains(link.rule.rawValue), "\(version) \(link.sentence)")
                #expect(!bothIDs.contains(link.rule.rawValue), "\(version) \(link.sentence)")
            case .bounds:
                break
            }
        }
    }

    /// Every rule of a release is somewhere on its map: in a cell, beside the grid, or among
    /// the rules of one setting; and every rule between exactly two settings has a cell.
    @Test(arguments: QEMUVersion.allCases)
    func everyRuleHasAPlace(version: QEMUVersion) {
        let map = ConstraintMap.of(version)
        for rule in RuleBook.rules(for: version) {
            let inGrid = map.links.contains { $0.rule == rule.identity }
            let beside = map.sideRules.contains { $0.identity == rule.identity }
            let alone = map.valueRules.contains { $0.identity == rule.identity }
            #expect(inGrid || beside || alone, "\(version) \(rule.id)")
            if rule.items.count == 2 && rule.subjects.count == 2 { #expect(inGrid, "\(version) \(rule.id)") }
        }
        for link in map.links {
            #expect(map.axis.contains(link.item) && map.axis.contains(link.other))
        }
    }

    @Test func knownPairsOf90() {
        let map = ConstraintMap.of(.v9_0)
        #expect(map.mark(row: .postcopyRam, column: .multifd) == .conflicts)
        #expect(map.mark(row: .multifd, column: .postcopyRam) == .conflicts)
        #expect(map.mark(row: .switchoverAck, column: .returnPath) == .needs)
        #expect(map.mark(row: .returnPath, column: .switchoverAck) == .neededBy)
        #expect(map.mark(row: .maxCpuThrottle, column: .cpuThrottleInitial) == .bounds)
        #expect(map.mark(row: .events, column: .multifd) == .none)
        #expect(map.links(between: .zeroCopySend, .tlsCreds).map(\.rule) == [
            .zeroCopySendVsCompressionOrTLS, .zeroCopySendNeedsPlainMultifd,
        ])
        #expect(map.axis.contains(.tlsCreds) && !map.axis.contains(.downtimeLimit))
        #expect(map.sideRules.map(\.identity).contains(.dirtyLimitRequiresKvmDirtyRing))
        #expect(map.valueRules.map(\.identity).contains(.downtimeLimitRange))
    }

    @Test func sentencesSayWhatToAvoid() {
        let map = ConstraintMap.of(.v9_0)
        let sentences = map.links.map(\.sentence)
        #expect(sentences.contains("postcopy-preempt requires postcopy-ram"))
        #expect(sentences.contains("zero-copy-send conflicts with multifd-compression other than none"))
        #expect(sentences.contains("mapped-ram conflicts with tls-creds set"))
        #expect(sentences.contains("max-cpu-throttle is bounded by cpu-throttle-initial"))
    }

    @Test func brokenLinksAreTheOnesToFix() {
        let map = ConstraintMap.of(.v9_0)
        var configuration = Configuration()
        configuration[.postcopyRam] = .bool(true)
        configuration[.multifd] = .bool(true)
        configuration[.zeroCopySend] = .bool(true)
        let broken = map.brokenLinks(in: configuration, on: .standard).map(\.sentence)
        #expect(broken == ["postcopy-ram conflicts with multifd"])
        #expect(map.brokenSideRules(in: configuration, on: .standard).isEmpty)
        var host = Host.standard
        host.os = .other
        #expect(map.brokenSideRules(in: configuration, on: host).map(\.identity) == [.zeroCopySendNeedsLinux])
        #expect(map.brokenLinks(in: Configuration(), on: .standard).isEmpty)
        configuration[.multifd] = .bool(false)
        #expect(map.brokenLinks(in: configuration, on: .standard).map(\.sentence) == ["zero-copy-send requires multifd"])
    }

    @Test func diffShowsWhatAReleaseChanged() {
        let diff = ConstraintMapDiff(from: .of(.v9_0), to: .of(.v10_1))
        #expect(diff.change(row: .postcopyRam, column: .multifd) == .removed(.conflicts))
        #expect(diff.change(row: .switchoverAck, column: .returnPath) == .same(.needs))
        #expect(diff.removedItems.contains(.compress) && diff.removedItems.contains(.block))
        #expect(diff.change(row: .multifd, column: .compress) == .removed(.conflicts))
        #expect(diff.removedLinks.contains { $0.rule == .postcopyRamVsMultifd })
        let older = ConstraintMapDiff(from: .of(.v7_2), to: .of(.v9_0))
        #expect(older.change(row: .multifd, column: .xbzrle) == .added(.conflicts))
        #expect(older.addedItems.contains(.switchoverAck))
        #expect(ConstraintMapDiff(from: .of(.v9_0), to: .of(.v9_0)).isEmpty)
    }
}
