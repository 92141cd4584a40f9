/// The host facts a QEMU command line states: the accelerator (`-accel kvm,dirty-ring-size=N`,
/// `-enable-kvm`, `-machine …,accel=`), the machine type and `-incoming`. Importing them makes a
/// command line check as QEMU checks it (dirty-limit needs the dirty ring the line asks for).
enum CommandLineFacts {
    /// The options read here, in QEMU's single-dash spelling; all but `-enable-kvm` take a value.
    static let options: Set<String> = ["-accel", "-machine", "-M", "-enable-kvm", "-incoming"]

    /// Applies one option to `host`; returns 1 when it stated a fact. `accelerator` is the one
    /// already chosen: QEMU tries the accelerators in order and uses the first, so later
    /// ones only matter as fallbacks on hosts without the first.
    static func read(_ option: String, _ value: String?, into host: inout Host, accelerator: inout String?) -> Int {
        switch option {
        case "-enable-kvm":
            choose("kvm", fields: [], into: &host, accelerator: &accelerator)
        case "-accel":
            guard let value else { return 0 }
            var fields = Importer.splitOptions(value)
            let first = fields.removeFirst()
            let name = first.hasPrefix("accel=") ? String(first.dropFirst("accel=".count)) : first
            choose(name, fields: fields, into: &host, accelerator: &accelerator)
        case "-machine", "-M":
            guard let value else { return 0 }
            for (position, field) in Importer.splitOptions(value).enumerated() {
                if field.hasPrefix("type=") {
                    host.machine = String(field.dropFirst("type=".count))
                } else if position == 0 && !field.contains("=") {
                    host.machine = field
                } else if field.hasPrefix("accel="), let name = field.dropFirst("accel=".count).split(separator: ":").first {
                    choose(String(name), fields: [], into: &host, accelerator: &accelerator)
                }
            }
        case "-incoming":
            guard value != nil else { return 0 }
            host.incoming = .pending
        default:
            return 0
        }
        return 1
    }

    /// Takes the first accelerator named: KVM (with a dirty ring when `dirty-ring-size` is
    /// non-zero) or anything else, which is no KVM.
    private static func choose(_ name: String, fields: [String], into host: inout Host, accelerator: inout String?) {
        guard accelerator == nil else { return }
        accelerator = name
        host.kvm = name == "kvm"
        let ringSize = fields.first { $0.hasPrefix("dirty-ring-size=") }.map { String($0.dropFirst("dirty-ring-size=".count)) }
        host.dirtyRing = host.kvm && ringSize.map { $0 != "0" && !$0.isEmpty } == true
    }
}
