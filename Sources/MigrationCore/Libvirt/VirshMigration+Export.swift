extension VirshMigration {
    /// The options and runtime commands that make libvirt give the source QEMU `profile`'s
    /// settings, as far as libvirt can: a number goes only with the feature libvirt tunes it
    /// with, and only in whole virsh units.
    public init(expressing profile: Profile) {
        let configuration = profile.configuration
        let catalog = Catalog.for(profile.version)
        func isOn(_ id: ItemID) -> Bool { catalog.contains(id) && configuration.isOn(id) }
        for entry in LibvirtMapping.flagCapabilities where catalog.contains(entry.capability) {
            if isOn(entry.capability) != entry.whenAbsent { flags.insert(entry.option) }
        }
        if isOn(.xbzrle) { methods.append(.xbzrle) }
        if isOn(.compress) { methods.append(.mt) }
        if isOn(.multifd), case .choice(let name) = configuration[.multifdCompression],
            let method = LibvirtMapping.CompressionMethod(rawValue: name), method.isParallel
        {
            methods.append(method)
        }
        if !methods.isEmpty { flags.insert("--compressed") }
        for entry in LibvirtMapping.typedParameters where catalog.contains(entry.parameter) {
            guard configuration.isChanged(entry.parameter), entry.needs.map(has) ?? true else { continue }
            let value = configuration.number(entry.parameter)
            if value % entry.unit == 0 { numbers[entry.option] = value / entry.unit }
        }
        if configuration.isNonNeutral(.tlsCreds) { flags.insert("--tls") }
        if case .text(let hostname) = configuration[.tlsHostname], !hostname.isEmpty { tlsDestination = hostname }
        if configuration.isChanged(.maxBandwidth), configuration.number(.maxBandwidth) % LibvirtMapping.mebibyte == 0 {
            numbers[VirshMigration.bandwidth] = configuration.number(.maxBandwidth) / LibvirtMapping.mebibyte
        }
        if configuration.isChanged(.downtimeLimit) { downtime = configuration.number(.downtimeLimit) }
        if configuration.isChanged(.xbzrleCacheSize), numbers["--comp-xbzrle-cache"] == nil {
            cacheSize = configuration.number(.xbzrleCacheSize)
        }
    }

    /// The `virsh migrate` options, in a fixed order (`--tunnelled` with the `--p2p` it needs).
    public var arguments: [String] {
        var words: [String] = []
        for entry in LibvirtMapping.flagCapabilities where flags.contains(entry.option) {
            words += entry.option == "--tunnelled" ? ["--p2p", entry.option] : [entry.option]
        }
        if flags.contains("--compressed") { words.append("--compressed") }
        if !methods.isEmpty { words += ["--comp-methods", methods.map(\.rawValue).joined(separator: ",")] }
        for entry in LibvirtMapping.typedParameters {
            if let number = numbers[entry.option] { words += [entry.option, String(number)] }
        }
        if flags.contains("--tls") { words.append("--tls") }
        if let tlsDestination { words += ["--tls-destination", tlsDestination] }
        if let bandwidth = numbers[VirshMigration.bandwidth] { words += [VirshMigration.bandwidth, String(bandwidth)] }
        return words
    }

    /// The commands that set the rest while the migration runs, for domain `domain`.
    public func runtimeCommands(domain: String) -> [String] {
        (downtime.map { ["virsh migrate-setmaxdowntime \(domain) \($0)"] } ?? [])
            + (cacheSize.map { ["virsh migrate-compcache \(domain) --size \($0)"] } ?? [])
    }
}

extension Exporter {
    /// The placeholder for the libvirt domain in the commands an export suggests.
    static let virshDomain = "DOMAIN"

    /// `virsh migrate` options for the source, then on stderr the commands that set the rest
    /// during the migration, and every setting libvirt would leave different, with the
    /// `virsh qemu-monitor-command` that sets it (or, for a `-global` property, how to pass it).
    static func virsh(_ profile: Profile) -> Export {
        let migration = VirshMigration(expressing: profile)
        var notes = migration.runtimeCommands(domain: virshDomain).map { "during the migration: " + $0 }
        let produced: Profile
        do {
            produced = try migration.sourceProfile(version: profile.version, host: profile.host)
        } catch {
            return Export(text: "", notes: ["libvirt would refuse these options: \(error.message)"])
        }
        let catalog = Catalog.for(profile.version)
        for id in ItemID.allCases where catalog.contains(id) && produced.configuration[id] != profile.configuration[id] {
            notes.append(unexpressed(id, profile.configuration[id], over: produced.configuration))
        }
        return Export(text: migration.arguments.map(ShellWords.quote).joined(separator: " "), notes: notes)
    }

    /// Why libvirt leaves `id` other than `value`, and the command that sets it.
    private static func unexpressed(_ id: ItemID, _ value: Value, over produced: Configuration) -> String {
        let item = id.item
        let setting = "libvirt cannot set \(item.name)=\(ValueFormatter.globalText(value, as: item.type))"
        if item.kind == .property {
            let global = "-global " + globalArgument(id, value, property: item.property ?? item.name)
            return "\(setting): it is a -global property; pass \(global) through <qemu:commandline> in the domain XML"
        }
        var wanted = Configuration(defaults: produced.values)
        wanted[id] = value
        let command = qmp(wanted).text
        return "\(setting): virsh qemu-monitor-command \(virshDomain) --pretty " + ShellWords.quote(command)
    }
}
