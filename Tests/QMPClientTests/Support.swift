import Foundation
import Glibc
import MigrationCore
import QEMURunner
import QMPClient
@_exported import TestSupport

/// A real binary prepared for live tests: its release and the host facts of a QEMU that
/// `ServedQEMU` starts from it (the build's, probed once, with TCG and no `-incoming`).
struct LiveBinary: Sendable {
    let path: String
    let version: QEMUVersion
    let host: MigrationCore.Host

    static let qemu72 = Binaries.qemu72Path.flatMap { try? LiveBinary(path: $0) }
    static let qemu100 = Binaries.qemu100Path.flatMap { try? LiveBinary(path: $0) }

    init(path: String) throws {
        self.path = path
        let probe = try HostProbe.probe(try QEMUBinary.probe(path))
        version = probe.version
        host = Verifier.runHost(from: probe.host)
    }

    func start(_ arguments: [String] = []) throws -> ServedQEMU {
        try ServedQEMU(binary: path, arguments: arguments)
    }

    /// Attached to a fresh QEMU, as `migedit apply` attaches.
    func attach(_ qemu: ServedQEMU) throws -> LiveQEMU {
        try LiveQEMU(attachingTo: qemu.address, timeout: 10)
    }

    func isAccepted(_ configuration: Configuration) -> Bool {
        Checker.for(version).errors(of: configuration, on: host).isEmpty
    }
}

/// A UNIX socket server in this process that answers a client with canned lines: the first as
/// soon as it connects, each further one after a line from the client; after one more line it
/// hangs up. `nil` lines: accept nothing, so the client waits for a greeting that never comes.
final class FakeQMPServer: @unchecked Sendable {
    let path: String
    private let listener: Int32

    init(answers: [String]?) throws {
        path = NSTemporaryDirectory() + "migedit-fake-\(UUID().uuidString.prefix(8)).sock"
        listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            let bytes = Array(path.utf8)
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0, listen(listener, 4) == 0 else { throw POSIXError(.EADDRINUSE) }
        guard let answers else { return }
        let serving = listener
        Thread.detachNewThread {
            let client = accept(serving, nil, nil)
            guard client >= 0 else { return }
            defer { close(client) }
            for (index, answer) in answers.enumerated() {
                if index > 0 {
                    var byte: UInt8 = 0
                    while read(client, &byte, 1) == 1 && byte != UInt8(ascii: "\n") {}
                }
                _ = answer.withCString { send(client, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
            }
            var byte: UInt8 = 0
            while read(client, &byte, 1) == 1 && byte != UInt8(ascii: "\n") {}
        }
    }

    deinit {
        close(listener)
        unlink(path)
    }
}
