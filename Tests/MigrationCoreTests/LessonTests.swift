import Testing
@testable import MigrationCore

extension Lesson: CustomTestStringConvertible {
    public var testDescription: String { id }
}

@Suite("Lessons")
struct LessonTests {
    @Test(arguments: LessonLibrary.all)
    func startIsNotYetSolved(_ lesson: Lesson) {
        let status = lesson.goal.status(of: lesson.start)
        #expect(!status.isMet)
        #expect(!status.missing.isEmpty)
    }

    @Test(arguments: LessonLibrary.all)
    func referenceSolutionSolvesIt(_ lesson: Lesson) {
        let status = lesson.goal.status(of: lesson.solved)
        #expect(status.isMet, "still missing: \(status.missing.map(\.text))")
        #expect(status.errors == 0)
    }

    /// Following every hint from the start reaches the goal, and no hint adds an error or moves
    /// farther from the goal; each one gets strictly closer on one of the two.
    @Test(arguments: LessonLibrary.all)
    func hintsNeverMakeThingsWorseAndLeadToTheGoal(_ lesson: Lesson) throws {
        var profile = lesson.start
        var followed: [String] = []
        for _ in 0..<12 {
            let before = lesson.goal.status(of: profile)
            guard let hint = LessonCoach.hint(for: lesson.goal, in: profile) else { break }
            #expect(!hint.reason.isEmpty)
            let text = try #require(hint.stepText, "no step after \(followed), reason: \(hint.reason)")
            followed.append(text)
            for step in hint.steps { step.apply(to: &profile) }
            let after = lesson.goal.status(of: profile)
            #expect(after.errors <= before.errors, "\(text) adds an error")
            #expect(after.distance <= before.distance, "\(text) moves away from the goal")
            #expect(after.errors < before.errors || after.distance < before.distance, "\(text) gets no closer")
        }
        #expect(lesson.goal.status(of: profile).isMet, "hints followed: \(followed)")
        #expect(LessonCoach.hint(for: lesson.goal, in: lesson.solved) == nil, "no hint once the goal holds")
    }

    @Test func thereAreAtLeastTwelveLessonsWithUniqueIDsOverAtLeastThreeReleases() {
        let lessons = LessonLibrary.all
        #expect(lessons.count >= 12)
        #expect(Set(lessons.map(\.id)).count == lessons.count)
        #expect(Set(lessons.map(\.start.version)).count >= 3)
        #expect(lessons.allSatisfy { !$0.task.isEmpty && !$0.title.isEmpty && !$0.solution.isEmpty })
    }

    /// Every family of rules (one file of Rules/ each, and the rules reading host facts) is met by
    /// some lesson: its start breaks one of the family's rules, or would once the goal's values
    /// were set on the start's release.
    @Test func everyFamilyOfRulesIsTaught() {
        let families: [(String, [Rule])] = [
            ("ranges", RuleBook.parameterRanges),
            ("bitmap mapping", [RuleBook.blockBitmapMapping]),
            ("build", RuleBook.buildRules + [RuleBook.multifdCompressionNeedsBuildSupport]),
            ("postcopy", RuleBook.postcopyRules),
            ("background snapshot", [RuleBook.snapshotHostKernel, RuleBook.snapshotGuestMemory] + RuleBook.snapshotConflicts),
            ("stream capabilities", RuleBook.streamRules),
            ("transport parameters", [RuleBook.zeroCopyParameters, RuleBook.mappedRamParameters]),
            ("host facts", RuleBook.all.filter { $0.subjects.contains { if case .host = $0 { true } else { false } } }),
        ]
        let met: [Set<RuleID>] = LessonLibrary.all.map { lesson in
            var wanted = lesson.start
            for case .value(let id, let value) in lesson.goal.conditions { wanted.configuration[id] = value }
            return Set([lesson.start, wanted].flatMap { profile in
                Checker.for(profile.version).check(profile.configuration, on: profile.host).diagnostics.map(\.rule.identity)
            })
        }
        for (family, rules) in families {
            let ids = Set(rules.map(\.identity))
            #expect(met.contains { !$0.isDisjoint(with: ids) }, "no lesson meets a \(family) rule")
        }
    }

    @Test func lessonsAreFoundByNumberOrID() {
        #expect(LessonLibrary.lesson(named: "1") == LessonLibrary.all[0])
        #expect(LessonLibrary.lesson(named: "postcopy-multifd")?.id == "postcopy-multifd")
        #expect(LessonLibrary.lesson(named: "0") == nil)
        #expect(LessonLibrary.lesson(named: "\(LessonLibrary.all.count + 1)") == nil)
        #expect(LessonLibrary.lesson(named: "nonsense") == nil)
    }

    @Test func goalStatusSaysWhatIsMissing() {
        let lesson = LessonLibrary.lesson(named: "postcopy-multifd")!
        let status = lesson.goal.status(of: lesson.start)
        #expect(status.results.map(\.text) == ["postcopy-ram on", "multifd on", "QEMU 9.0 accepts the configuration"])
        #expect(status.missing.map(\.text) == ["multifd on"])
        #expect(status.distance == 1)
    }

    @Test func capabilityCountFallsShortByEachMissingCapability() {
        let lesson = LessonLibrary.lesson(named: "background-snapshot")!
        let result = lesson.goal.status(of: Profile(version: .v9_1)).results.first { $0.condition == .capabilitiesOn(5) }
        #expect(result?.shortfall == 5)
        #expect(result?.text == "at least 5 capabilities on (now 0)")
    }

    /// The postcopy-multifd lesson needs a release change: the hint says why turning multifd on
    /// breaks a rule on 9.0, and gives the release switch together with the setting.
    @Test func hintExplainsTheRuleAndOffersAnotherRelease() throws {
        let lesson = LessonLibrary.lesson(named: "postcopy-multifd")!
        let hint = try #require(LessonCoach.hint(for: lesson.goal, in: lesson.start))
        #expect(hint.reason.hasPrefix("Still missing: multifd on. Doing it on QEMU 9.0 now would break: Postcopy is not yet compatible with multifd."))
        #expect(hint.reason.contains("10.1 allows it again"))
        #expect(hint.stepText == "switch to QEMU 10.1 (v), then set multifd on")
    }

    /// Where the host may change, the hints reach it after the settings: a fix prefers settings.
    @Test func hintsOfAHostLessonChangeTheSettingFirstThenTheHost() {
        let lesson = LessonLibrary.lesson(named: "dirty-limit-host")!
        var profile = lesson.start
        var texts: [String] = []
        while let hint = LessonCoach.hint(for: lesson.goal, in: profile), let text = hint.stepText, texts.count < 5 {
            texts.append(text)
            for step in hint.steps { step.apply(to: &profile) }
        }
        #expect(texts == ["set auto-converge off", "set host.dirty-ring = on"])
    }

    @Test func hintOfAnErrorQuotesQEMUAndItsFix() throws {
        let lesson = LessonLibrary.lesson(named: "zero-copy-encrypted")!
        let hint = try #require(LessonCoach.hint(for: lesson.goal, in: lesson.start))
        #expect(hint.reason.hasPrefix("QEMU 9.0 stops at: Zero copy only available for non-compressed non-TLS multifd migration."))
        #expect(hint.stepText == "set zero-copy-send off", "not tls-creds, which the goal keeps")
    }
}

@Suite("Lesson files")
struct LessonJSONTests {
    static let example = """
        {
          "id": "switchover-ack-file",
          "title": "An acknowledgement needs a way back",
          "task": "Keep switchover-ack on and get it accepted.",
          "start": {"qemu": "8.1", "capabilities": {"switchover-ack": true}},
          "goal": {"values": {"switchover-ack": true}, "at-least": {"xbzrle-cache-size": "128M"}, "host": {"kvm": "on"}},
          "solution": ["set return-path=on", "set xbzrle-cache-size=256M", "qemu 9.0"]
        }
        """

    @Test func readsEveryPartOfTheSchema() throws {
        let lesson = try Lesson(json: Self.example)
        #expect(lesson.id == "switchover-ack-file")
        #expect(lesson.start.version == .v8_1)
        #expect(lesson.start.configuration.isOn(.switchoverAck))
        #expect(lesson.goal.conditions == [
            .value(.switchoverAck, .bool(true)), .atLeast(.xbzrleCacheSize, 128 << 20), .host(.kvm, "on"), .accepted,
        ])
        #expect(lesson.solution == [.set(.returnPath, .bool(true)), .set(.xbzrleCacheSize, .number(256 << 20)), .release(.v9_0)])
        #expect(lesson.goal.status(of: lesson.solved).isMet)
    }

    @Test(arguments: [
        ("{", "lesson is not valid JSON"),
        ("[]", "lesson must be a JSON object"),
        (#"{"id": "a", "title": "t", "task": "t", "extra": 1}"#, "lesson has an unknown member 'extra'"),
        (#"{"title": "t", "task": "t", "goal": {"values": {"multifd": true}}, "solution": ["set multifd=on"]}"#, "lesson needs \"id\""),
        (#"{"id": "a", "title": "t", "task": "t", "goal": {"values": {"multifdd": true}}}"#, "lesson goal: unknown setting 'multifdd'"),
        (#"{"id": "a", "title": "t", "task": "t", "goal": {"values": {"multifd": true}}, "solution": ["toggle multifd"]}"#, "lesson solution: 'toggle multifd' is no step"),
        (#"{"id": "a", "title": "t", "task": "t", "goal": {"values": {"multifd": true}}, "solution": ["set multifd=maybe"]}"#, "lesson solution:"),
        (#"{"id": "a", "title": "t", "task": "t", "goal": {"accepted": true}, "solution": []}"#, "lesson: the start already meets the goal"),
        (#"{"id": "a", "title": "t", "task": "t", "goal": {"values": {"multifd": true}}, "solution": ["set events=on"]}"#, "lesson: the solution does not reach the goal (still missing: multifd on)"),
        (#"{"id": "a", "title": "t", "task": "t", "start": {"qemu": 9.0}}"#, "lesson start: profile: qemu is the number 9.0"),
        (#"{"id": "a", "title": "t", "task": "t", "goal": {"capabilities-on": -1}}"#, "lesson goal: capabilities-on must be a positive count"),
    ])
    func refusesABadLessonWithOneClearMessage(_ text: String, _ message: String) {
        #expect {
            try Lesson(json: text)
        } throws: { error in
            (error as? ImportError)?.message.hasPrefix(message) == true
        }
    }
}

@Suite("Lesson progress")
struct LessonProgressTests {
    @Test func recordsEachLessonOnceAndReadsItBack() throws {
        var progress = LessonProgress()
        progress.markCompleted("xbzrle-cache")
        progress.markCompleted("switchover-ack")
        progress.markCompleted("xbzrle-cache")
        #expect(progress.completed == ["xbzrle-cache", "switchover-ack"])
        #expect(progress.json == "{\n  \"completed\": [\n    \"xbzrle-cache\",\n    \"switchover-ack\"\n  ]\n}\n")
        #expect(try LessonProgress(json: progress.json) == progress)
    }

    @Test func keepsMembersItDoesNotKnow() throws {
        var progress = try LessonProgress(json: #"{"streak": 3, "completed": ["a"]}"#)
        progress.markCompleted("b")
        #expect(progress.isCompleted("a") && progress.isCompleted("b"))
        let again = try JSON(parsing: progress.json)
        #expect(again["streak"] == .number(3))
    }

    @Test(arguments: ["", "nonsense", "[1]", #"{"completed": "a"}"#, #"{"completed": [1]}"#])
    func refusesAFileThatIsNoProgress(_ text: String) {
        #expect(throws: ImportError.self) { try LessonProgress(json: text) }
    }
}
