extension Host {
    /// One fact as a member of a profile's `host` object: page-size as a JSON number, the
    /// others as the strings `--host` takes.
    func member(_ fact: HostFact) -> JSONMember {
        let text = value(of: fact)
        return JSONMember(key: fact.rawValue, value: fact == .pageSize ? .number(text) : .string(text))
    }

    /// A profile with no settings that states each of `facts` even where it equals the default.
    /// `migedit probe` prints this: every measured fact stays visible, and the file keeps its
    /// meaning if migedit's defaults ever change. `Profile(json:)` reads it back. The machine
    /// type, when the host names one, comes last.
    public func profileJSON(stating facts: [HostFact], version: QEMUVersion) -> String {
        let machine = self.machine.map { [JSONMember(key: Profile.machineKey, value: .string($0))] } ?? []
        return JSON.object([
            JSONMember(key: "qemu", value: .string(version.rawValue)),
            JSONMember(key: "host", value: .object(facts.map(member) + machine)),
        ]).serialized(pretty: true) + "\n"
    }

    /// `--host FACT=VALUE` argv words for each of `facts`, for pasting onto a command line,
    /// and `--machine TYPE` when the host names one.
    public func hostOptions(stating facts: [HostFact]) -> [String] {
        facts.flatMap { ["--host", "\($0.rawValue)=\(value(of: $0))"] } + (machine.map { ["--machine", $0] } ?? [])
    }
}
