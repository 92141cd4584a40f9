extension VirshMigration {
    /// The profile libvirt gives the source QEMU for this migration on `version` (under the
    /// host's machine type): the capabilities of the flags and those libvirt always turns on,
    /// the parameters of the numeric options, compression, TLS, bandwidth and downtime.
    /// Throws libvirt's own message where libvirt refuses the options (a tuning option without
    /// its feature, a compression method on the wrong transport), and where the release lacks
    /// a setting the options need.
    public func sourceProfile(version: QEMUVersion, host: Host = .standard) throws(ImportError) -> Profile {
        var profile = Profile(host: host, version: version)
        try profile.setMachine(host.machine)
        var settings = SourceSettings(profile: profile)
        try settings.turnOn(.events)
        for entry in LibvirtMapping.flagCapabilities where entry.parties.contains(.source) {
            if flags.contains(entry.option) != entry.whenAbsent { try settings.turnOn(entry.capability) }
        }
        for entry in LibvirtMapping.typedParameters where entry.parties.contains(.source) {
            guard let number = numbers[entry.option] else { continue }
            try settings.set(entry.parameter, .number(number * entry.unit))
        }
        // libvirt's order: auto-converge and parallel tuning, the methods, then their tuning.
        try checkTuning(of: [.autoConverge, .parallel])
        try applyCompression(to: &settings)
        try checkTuning(of: LibvirtMapping.CompressionMethod.tuningOrder.map { .method($0) })
        if methods.isEmpty && flags.contains("--compressed") {
            if flags.contains("--parallel") { throw ImportError("No compression algorithm selected for parallel migration") }
            try settings.turnOn(.xbzrle)
        }
        for entry in LibvirtMapping.alwaysOn where entry.parties.contains(.source) {
            if settings.catalog.contains(entry.capability) { try settings.turnOn(entry.capability) }
        }
        if flags.contains("--tls") {
            try settings.set(.tlsCreds, .text(LibvirtMapping.tlsCredentials))
            try settings.set(.tlsHostname, .text(tlsDestination ?? ""))
        } else if let tlsDestination {
            try settings.set(.tlsHostname, .text(tlsDestination))
        }
        if let bandwidth = numbers[VirshMigration.bandwidth] {
            try settings.set(.maxBandwidth, .number(bandwidth * LibvirtMapping.mebibyte))
        }
        if let downtime { try settings.set(.downtimeLimit, .number(downtime)) }
        if let cacheSize { try settings.set(.xbzrleCacheSize, .number(cacheSize)) }
        return settings.profile
    }

    /// Refuses, with libvirt's message, the first of `requirements` some given option needs
    /// and the options lack.
    private func checkTuning(of requirements: [LibvirtMapping.Requirement]) throws(ImportError) {
        for requirement in requirements where !has(requirement) {
            let needing = LibvirtMapping.typedParameters.filter { $0.needs == requirement && numbers[$0.option] != nil }
            if !needing.isEmpty { throw ImportError(requirement.message) }
        }
    }

    /// Whether the options give what a tuning option needs.
    func has(_ requirement: LibvirtMapping.Requirement) -> Bool {
        switch requirement {
        case .autoConverge: return flags.contains("--auto-converge")
        case .parallel: return flags.contains("--parallel")
        case .method(let method): return methods.contains(method)
        }
    }

    /// `qemuMigrationParamsSetCompression`'s methods: each on its transport (xbzrle and mt on
    /// the main connection, zlib and zstd as the one multifd method).
    private func applyCompression(to settings: inout SourceSettings) throws(ImportError) {
        let parallel = flags.contains("--parallel")
        var multifdMethod: LibvirtMapping.CompressionMethod?
        for method in methods {
            if method.isParallel != parallel {
                throw ImportError(parallel
                    ? "Compression method '\(method.rawValue)' isn't supported with parallel migration"
                    : "Compression method '\(method.rawValue)' is only supported with parallel migration")
            }
            switch method {
            case .xbzrle: try settings.turnOn(.xbzrle)
            case .mt: try settings.turnOn(.compress)
            case .zlib, .zstd:
                if multifdMethod != nil {
                    throw ImportError("Only one compression method could be specified with parallel compression")
                }
                multifdMethod = method
                try settings.set(.multifdCompression, .choice(method.rawValue))
            }
        }
    }
}

/// The profile being built, refusing what its release lacks as libvirt and QEMU would.
private struct SourceSettings {
    var profile: Profile
    let catalog: Catalog

    init(profile: Profile) {
        self.profile = profile
        catalog = Catalog.for(profile.version)
    }

    mutating func turnOn(_ capability: ItemID) throws(ImportError) {
        try set(capability, .bool(true))
    }

    mutating func set(_ id: ItemID, _ value: Value) throws(ImportError) {
        guard let item = catalog.item(id) else {
            throw ImportError(id.item.kind == .capability
                ? "Migration option '\(id.item.name)' is not supported by QEMU binary (QEMU \(catalog.version) has no \(id.item.name))"
                : catalog.absence(of: id.item.name) ?? "QEMU \(catalog.version) has no \(id.item.name)")
        }
        if case .enumeration(let choices) = item.type, case .choice(let choice) = value, !choices.contains(choice) {
            throw ImportError("QEMU \(catalog.version) has no \(item.name) \(choice)")
        }
        profile.configuration[id] = value
    }
}
