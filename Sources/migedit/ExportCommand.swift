import ArgumentParser
import MigrationCore

extension ExportFormat: ExpressibleByArgument {}

/// `migedit export`: the configuration as QEMU input. Refuses (exit 1, empty stdout) what QEMU
/// would refuse, so a script never pastes a fragment that kills QEMU at startup.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print the configuration as -global words, QMP, HMP, a profile or virsh migrate options.",
        discussion: """
            Settings the chosen format cannot express are listed on stderr. The global format is \
            shell-quoted for pasting or eval: a value with spaces or quotes needs \
            eval "qemu-system-x86_64 ... $(migedit export ...)", since a plain $(...) does not \
            remove quotes. The virsh format prints the `virsh migrate` options that make \
            libvirt set the source QEMU up this way (libvirt always turns on events, \
            pause-before-switchover and, unless --tunnelled, return-path); stderr lists what to \
            run during the migration (migrate-setmaxdowntime, migrate-compcache) and every \
            setting libvirt cannot express, with the virsh qemu-monitor-command that sets it.

            Examples:
              migedit export --set multifd=on --set multifd-channels=8
              eval "qemu-system-x86_64 ... $(migedit export prod.json)"
              migedit export prod.json --format qmp
              migedit export --set tls-creds=tls0 --format hmp
              migedit export prod.json --qemu 7.2
              virsh migrate $(migedit export prod.json --format virsh) guest qemu+ssh://dst/system
            """)

    @OptionGroup var options: ConfigurationOptions

    @Option(help: "global, qmp, hmp, json or virsh.")
    var format: ExportFormat = .global

    @Flag(help: "Export even when QEMU would refuse the configuration.")
    var force = false

    func run() throws {
        let profile = try options.load()
        let report = Checker.for(profile.version).check(profile.configuration, on: profile.host)
        if let error = report.firstError, !force {
            throw CLIFailure(
                message: "migedit: QEMU \(profile.version) would refuse this configuration: \(error.message)\n"
                    + "(see `migedit check`; --force exports anyway)",
                code: CLIFailure.rejected)
        }
        let export = Exporter.export(profile.configuration, host: profile.host, version: profile.version, format: format)
        for note in export.notes { Console.error("migedit: note: " + note) }
        Console.output(export.text)
    }
}
