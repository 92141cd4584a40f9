import Testing
import QMPClient
import QEMURunner

@Suite("QMP addresses")
struct QMPAddressTests {
    @Test func unixPathsWithOrWithoutPrefix() throws {
        #expect(try QMPAddress(parsing: "unix:/run/vm.qmp") == .unix(path: "/run/vm.qmp"))
        #expect(try QMPAddress(parsing: "vm.qmp") == .unix(path: "vm.qmp"))
        #expect(try QMPAddress(parsing: "/run/vm.qmp").description == "unix:/run/vm.qmp")
    }

    @Test func loopbackTCPOnly() throws {
        #expect(try QMPAddress(parsing: "tcp:127.0.0.1:4444") == .tcp(port: 4444))
        #expect(try QMPAddress(parsing: "tcp:localhost:4444").description == "tcp:127.0.0.1:4444")
        #expect(throws: QMPError("tcp:10.0.0.5:4444: migedit reaches QMP over TCP only on the loopback (tcp:127.0.0.1:PORT); QMP has no authentication")) {
            try QMPAddress(parsing: "tcp:10.0.0.5:4444")
        }
        #expect(throws: QMPError("tcp:127.0.0.1:http is no QMP address: write tcp:127.0.0.1:PORT")) {
            try QMPAddress(parsing: "tcp:127.0.0.1:http")
        }
        #expect(throws: QMPError.self) { try QMPAddress(parsing: "unix:") }
    }
}

@Suite("QMP connection failures")
struct ConnectionFailureTests {
    @Test func missingSocket() {
        #expect(throws: QMPError("cannot connect to QMP at unix:/nonexistent/qmp.sock: No such file or directory")) {
            try QMPConnection(connectingTo: .unix(path: "/nonexistent/qmp.sock"))
        }
    }

    @Test func closedPort() throws {
        #expect(throws: QMPError("cannot connect to QMP at tcp:127.0.0.1:1: Connection refused")) {
            try QMPConnection(connectingTo: .tcp(port: 1))
        }
    }

    @Test func socketThatIsNotQMP() throws {
        let server = try FakeQMPServer(answers: ["SSH-2.0-OpenSSH_9.2\r\n"])
        #expect(throws: QMPError("unix:\(server.path) is not a QMP socket: it sent: SSH-2.0-OpenSSH_9.2")) {
            try QMPConnection(connectingTo: .unix(path: server.path), timeout: 5)
        }
    }

    @Test func jsonThatIsNoGreeting() throws {
        let server = try FakeQMPServer(answers: ["{\"hello\": 1}\n"])
        #expect(throws: QMPError("unix:\(server.path) is not a QMP socket: it greeted with {\"hello\":1}")) {
            try QMPConnection(connectingTo: .unix(path: server.path), timeout: 5)
        }
    }

    @Test func silentSocketTimesOut() throws {
        let server = try FakeQMPServer(answers: nil)
        #expect(throws: QMPError("unix:\(server.path) sent no QMP greeting within 0.3 s (is it a QMP socket? QEMU serves one client at a time)")) {
            try QMPConnection(connectingTo: .unix(path: server.path), timeout: 0.3)
        }
    }

    @Test func replyThatIsNotJSON() throws {
        let greeting = #"{"QMP": {"version": {"qemu": {"micro": 2, "minor": 0, "major": 10}, "package": ""}, "capabilities": []}}"# + "\r\n"
        let server = try FakeQMPServer(answers: [greeting, "{\"return\": {}, \"id\": \"migedit-negotiation\"}\r\n", "<html>oops</html>\r\n"])
        let connection = try QMPConnection(connectingTo: .unix(path: server.path), timeout: 5)
        #expect(throws: QMPError("unix:\(server.path) sent a reply that is not JSON: <html>oops</html>")) {
            try connection.execute(QMPCommand(id: "v", execute: "query-version"))
        }
    }

    @Test func serverThatHangsUpWentAway() throws {
        let greeting = #"{"QMP": {"version": {"qemu": {"micro": 2, "minor": 0, "major": 10}, "package": ""}, "capabilities": []}}"# + "\n"
        let server = try FakeQMPServer(answers: [greeting])
        #expect(throws: QMPError("QEMU at unix:\(server.path) went away (the QMP connection closed)")) {
            _ = try QMPConnection(connectingTo: .unix(path: server.path), timeout: 5)
        }
    }
}
