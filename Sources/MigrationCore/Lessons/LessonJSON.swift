/// A lesson read from a JSON file (`migedit learn --file LESSON.json`), so a trainer can add one
/// without rebuilding migedit. The schema mirrors `Lesson`:
///
/// ```json
/// {
///   "id": "switchover-ack",
///   "title": "An acknowledgement needs a way back",
///   "task": "Two or three sentences.",
///   "start": {"qemu": "8.1", "capabilities": {"switchover-ack": true}},
///   "goal": {"values": {"switchover-ack": true}, "accepted": true},
///   "solution": ["set return-path=on"]
/// }
/// ```
///
/// `start` is a profile as `migedit` saves it. `goal` members, each optional, become conditions
/// in the order written: `values` (settings with exactly these values, in a profile's syntax),
/// `at-least` (numbers, `"256M"` for sizes), `changed` (names of settings off their default),
/// `host` (facts that must keep these values), `capabilities-on` (a count), `qemu` (the release)
/// and `accepted` (true unless written false; last when not written). `solution` steps are
/// `set NAME=VALUE` (the `-global` syntax of `--set`), `host FACT=VALUE` and `qemu VERSION`.
/// The file is refused when the start already meets the goal or the solution does not.
extension Lesson {
    public init(json text: String) throws(ImportError) {
        let document: JSON
        do {
            document = try JSON(parsing: text)
        } catch {
            throw ImportError("lesson is not valid JSON: \(error.message) (line \(error.line), column \(error.column))")
        }
        guard let members = document.members else { throw ImportError("lesson must be a JSON object") }
        let known = ["id", "title", "task", "start", "goal", "solution"]
        if let unknown = members.first(where: { !known.contains($0.key) }) {
            throw ImportError("lesson has an unknown member '\(unknown.key)' (expected \(known.joined(separator: ", ")))")
        }
        func string(_ key: String) throws(ImportError) -> String {
            guard let value = document[key]?.stringValue, !value.isEmpty else {
                throw ImportError("lesson needs \"\(key)\" as a non-empty string")
            }
            return value
        }
        let start: Profile
        do {
            start = try Profile(document: document["start"] ?? .object([]))
        } catch {
            throw ImportError("lesson start: " + error.message)
        }
        let goal = try LessonGoal(json: document["goal"] ?? .object([]), version: start.version)
        let solution = try LessonStep.steps(json: document["solution"] ?? .array([]), from: start)
        self.init(id: try string("id"), title: try string("title"), task: try string("task"), start: start, goal: goal, solution: solution)
        if goal.status(of: start).isMet { throw ImportError("lesson: the start already meets the goal") }
        let end = goal.status(of: solved)
        if !end.isMet {
            throw ImportError("lesson: the solution does not reach the goal (still missing: "
                + end.missing.map(\.text).joined(separator: "; ") + ")")
        }
    }
}

extension LessonGoal {
    init(json: JSON, version: QEMUVersion) throws(ImportError) {
        guard let members = json.members else { throw ImportError("lesson goal must be an object") }
        var conditions: [Condition] = []
        var acceptedWritten = false
        for member in members {
            let value = member.value
            switch member.key {
            case "values":
                for entry in try Self.entries(value, "values") {
                    let (id, item, release) = try Self.item(named: entry.key, near: version)
                    conditions.append(.value(id, try ValueJSON.decode(entry.value, for: item, context: "lesson goal", version: release)))
                }
            case "at-least":
                for entry in try Self.entries(value, "at-least") {
                    let (id, item, release) = try Self.item(named: entry.key, near: version)
                    guard case .number(let minimum) = try ValueJSON.decode(entry.value, for: item, context: "lesson goal", version: release) else {
                        throw ImportError("lesson goal: at-least needs a numeric setting, \(entry.key) is not one")
                    }
                    conditions.append(.atLeast(id, minimum))
                }
            case "changed":
                guard let names = value.arrayValue?.compactMap(\.stringValue), names.count == value.arrayValue?.count else {
                    throw ImportError("lesson goal: changed must be a list of setting names")
                }
                for name in names { conditions.append(.changed(try Self.item(named: name, near: version).id)) }
            case "host":
                for entry in try Self.entries(value, "host") {
                    guard let fact = HostFact(rawValue: entry.key), let text = entry.value.stringValue else {
                        throw ImportError("lesson goal: host needs known facts with string values, got '\(entry.key)'")
                    }
                    var host = Host.standard
                    do { try host.set(fact, to: text) } catch { throw ImportError("lesson goal: " + error.message) }
                    conditions.append(.host(fact, host.value(of: fact)))
                }
            case "capabilities-on":
                guard let count = value.uint64Value, count > 0, count < 100 else {
                    throw ImportError("lesson goal: capabilities-on must be a positive count, got \(value.serialized())")
                }
                conditions.append(.capabilitiesOn(Int(count)))
            case "qemu":
                guard let text = value.stringValue, let release = QEMUVersion(rawValue: text) else {
                    throw ImportError("lesson goal: qemu must be one of \(QEMUVersion.list), got \(value.serialized())")
                }
                conditions.append(.release(release))
            case "accepted":
                guard let flag = value.boolValue else { throw ImportError("lesson goal: accepted must be true or false") }
                acceptedWritten = true
                if flag { conditions.append(.accepted) }
            default:
                throw ImportError("lesson goal has an unknown member '\(member.key)' (expected values, at-least, changed, host, capabilities-on, qemu, accepted)")
            }
        }
        if !acceptedWritten { conditions.append(.accepted) }
        guard !conditions.isEmpty else { throw ImportError("lesson goal asks for nothing") }
        self.init(conditions)
    }

    private static func entries(_ json: JSON, _ name: String) throws(ImportError) -> [JSONMember] {
        guard let members = json.members else { throw ImportError("lesson goal: \(name) must be an object") }
        return members
    }

    /// A setting by QAPI or property name, in `version` or else the newest release that has it
    /// (a goal may name a setting the learner reaches by switching release).
    static func item(named name: String, near version: QEMUVersion) throws(ImportError) -> (id: ItemID, item: Item, release: QEMUVersion) {
        let releases = [version] + QEMUVersion.allCases.reversed()
        for release in releases {
            if let item = Catalog.for(release).item(named: name) { return (item.id, item, release) }
        }
        throw ImportError("lesson goal: unknown setting '\(name)'" + Importer.didYouMean(name, in: version))
    }
}

extension LessonStep {
    /// Reads `["set NAME=VALUE", "host FACT=VALUE", "qemu VERSION"]`; values are parsed by the
    /// release the solution has reached at that step.
    static func steps(json: JSON, from start: Profile) throws(ImportError) -> [LessonStep] {
        guard let words = json.arrayValue?.compactMap(\.stringValue), words.count == json.arrayValue?.count else {
            throw ImportError("lesson solution must be a list of steps such as \"set multifd=on\"")
        }
        var profile = start
        var steps: [LessonStep] = []
        for word in words {
            let step = try LessonStep(text: word, in: profile)
            step.apply(to: &profile)
            steps.append(step)
        }
        return steps
    }

    init(text: String, in profile: Profile) throws(ImportError) {
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw ImportError("lesson solution: '\(text)' is no step (set NAME=VALUE, host FACT=VALUE or qemu VERSION)") }
        let argument = parts[1]
        switch parts[0] {
        case "set":
            var configuration = profile.configuration
            do {
                try configuration.assign(argument, version: profile.version)
            } catch {
                throw ImportError("lesson solution: " + error.message)
            }
            guard let id = ItemID.allCases.first(where: { configuration[$0] != profile.configuration[$0] }) else {
                throw ImportError("lesson solution: '\(text)' changes nothing")
            }
            self = .set(id, configuration[id])
        case "host":
            var host = profile.host
            do {
                try host.assign(argument)
            } catch {
                throw ImportError("lesson solution: " + error.message)
            }
            guard let fact = HostFact.allCases.first(where: { host.value(of: $0) != profile.host.value(of: $0) }) else {
                throw ImportError("lesson solution: '\(text)' changes nothing")
            }
            self = .host(fact, host.value(of: fact))
        case "qemu":
            guard let version = QEMUVersion(rawValue: argument) else {
                throw ImportError("lesson solution: no QEMU '\(argument)' (known: \(QEMUVersion.list))")
            }
            self = .release(version)
        default:
            throw ImportError("lesson solution: '\(text)' is no step (set NAME=VALUE, host FACT=VALUE or qemu VERSION)")
        }
    }
}
