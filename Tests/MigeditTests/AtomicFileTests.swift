import Foundation
import MigeditIO
import Testing

import Glibc

/// `AtomicFile`, the editor's only way to touch profiles: what is written reads back byte for
/// byte, `.bak` holds the version before, and a write that fails leaves every file as it was, no
/// temporary file behind, and a one-line reason for the status bar.
@Suite struct AtomicFileTests {
    /// A fresh folder per test, removed afterwards.
    final class Folder {
        let path: String

        init() throws {
            let base = NSTemporaryDirectory().hasSuffix("/") ? String(NSTemporaryDirectory().dropLast()) : NSTemporaryDirectory()
            var template = Array("\(base)/migedit-atomic-XXXXXX".utf8CString)
            guard mkdtemp(&template) != nil else { throw FileError("mkdtemp: \(errno)") }
            path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        }

        deinit { try? FileManager.default.removeItem(atPath: path) }

        func file(_ name: String) -> String { path + "/" + name }

        /// The names in the folder, hidden ones (temporary files) included.
        var names: Set<String> { Set((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []) }

        func bytes(_ name: String) -> [UInt8]? {
            FileManager.default.contents(atPath: file(name)).map { Array($0) }
        }

        func put(_ name: String, _ bytes: [UInt8]) {
            #expect(FileManager.default.createFile(atPath: file(name), contents: Data(bytes)))
        }
    }

    /// The error `body` throws, recording an issue when it throws nothing.
    func failure(_ body: () throws(FileError) -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> FileError? {
        do {
            try body()
            Issue.record("expected a FileError", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    func expectOneLine(_ error: FileError?, contains text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let error else { return }
        #expect(error.message.contains(text), "\(error.message)", sourceLocation: sourceLocation)
        #expect(!error.message.contains("\n"), "\(error.message)", sourceLocation: sourceLocation)
        #expect(!error.message.isEmpty, sourceLocation: sourceLocation)
    }

    @Test func writeThenReadRoundTrips() throws {
        let folder = try Folder()
        let path = folder.file("profile.json")
        let text = "{\n  \"qemu\": \"9.0\",\n  \"note\": \"héllo ✓ 日本\"\n}\n"
        try AtomicFile.write(text, to: path)
        #expect(try AtomicFile.read(path) == text)
        #expect(folder.bytes("profile.json") == Array(text.utf8))
        #expect(try AtomicFile.readBytes(path) == Array(text.utf8))
        #expect(folder.names == ["profile.json"], "no temporary or backup file left behind")
        var status = stat()
        #expect(stat(path, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o644)

        try AtomicFile.write("", to: path)
        #expect(try AtomicFile.read(path) == "")
        #expect(folder.names == ["profile.json"], "without keepingBackup no .bak appears")
    }

    @Test func backupKeepsThePreviousVersion() throws {
        let folder = try Folder()
        let path = folder.file("prod.json")
        try AtomicFile.write("one\n", to: path, keepingBackup: true)
        #expect(folder.names == ["prod.json"], "nothing to back up on the first save")

        try AtomicFile.write("two\n", to: path, keepingBackup: true)
        #expect(try AtomicFile.read(path) == "two\n")
        #expect(try AtomicFile.read(path + ".bak") == "one\n")

        try AtomicFile.write("three\n", to: path, keepingBackup: true)
        #expect(try AtomicFile.read(path) == "three\n")
        #expect(try AtomicFile.read(path + ".bak") == "two\n", "the backup is the version just before, not the first")
        #expect(folder.names == ["prod.json", "prod.json.bak"])
    }

    @Test func backupIsByteExactEvenForNonUTF8Content() throws {
        let folder = try Folder()
        let odd: [UInt8] = [0xFF, 0xFE, 0x00, 0x41, 0x0A]
        folder.put("p.json", odd)
        try AtomicFile.write("new\n", to: folder.file("p.json"), keepingBackup: true)
        #expect(folder.bytes("p.json.bak") == odd)
        #expect(folder.bytes("p.json") == Array("new\n".utf8))
    }

    @Test func writeUnderAFileFailsAndChangesNothing() throws {
        let folder = try Folder()
        folder.put("notadir", Array("keep me\n".utf8))
        let before = folder.names
        let path = folder.file("notadir") + "/prof.json"
        for backup in [false, true] {
            let error = failure { () throws(FileError) in try AtomicFile.write("{}\n", to: path, keepingBackup: backup) }
            expectOneLine(error, contains: "cannot write \(path): not a directory")
            #expect(folder.bytes("notadir") == Array("keep me\n".utf8))
            #expect(folder.names == before)
        }
    }

    @Test func writeOverADirectoryFailsAndLeavesNoTemporaryFile() throws {
        let folder = try Folder()
        let directory = folder.file("prof.json")
        #expect(mkdir(directory, 0o755) == 0)
        folder.put("other.json", Array("other\n".utf8))
        #expect(FileManager.default.createFile(atPath: directory + "/inside", contents: Data("inside\n".utf8)))
        let before = folder.names

        let plain = failure { () throws(FileError) in try AtomicFile.write("{}\n", to: directory) }
        expectOneLine(plain, contains: "cannot write \(directory): it is a directory")
        #expect(folder.names == before, "the temporary file was removed: \(folder.names.subtracting(before))")

        let backedUp = failure { () throws(FileError) in try AtomicFile.write("{}\n", to: directory, keepingBackup: true) }
        expectOneLine(backedUp, contains: directory)
        #expect(folder.names == before)
        #expect(FileManager.default.contents(atPath: directory + "/inside") == Data("inside\n".utf8))
        #expect(folder.bytes("other.json") == Array("other\n".utf8))
    }

    /// The backup cannot be written (PATH.bak is a directory): the save stops before touching
    /// the profile itself, which keeps its old bytes.
    @Test func failedBackupLeavesTheProfileByteIdentical() throws {
        let folder = try Folder()
        let path = folder.file("prof.json")
        let original = Array("{\"qemu\": \"9.0\"}\n".utf8)
        folder.put("prof.json", original)
        #expect(mkdir(path + ".bak", 0o755) == 0)
        let before = folder.names

        let error = failure { () throws(FileError) in try AtomicFile.write("{}\n", to: path, keepingBackup: true) }
        expectOneLine(error, contains: "cannot write \(path).bak")
        #expect(folder.bytes("prof.json") == original)
        #expect(folder.names == before)
    }

    @Test func writeIntoAMissingFolderFails() throws {
        let folder = try Folder()
        let path = folder.file("missing/prof.json")
        let error = failure { () throws(FileError) in try AtomicFile.write("{}\n", to: path, keepingBackup: true) }
        expectOneLine(error, contains: "cannot write \(path): no such file or directory")
        #expect(folder.names.isEmpty)
    }

    @Test func savingThroughASymlinkReplacesTheTargetAndKeepsTheLink() throws {
        let folder = try Folder()
        folder.put("real.json", Array("old\n".utf8))
        #expect(symlink(folder.file("real.json"), folder.file("link.json")) == 0)
        try AtomicFile.write("new\n", to: folder.file("link.json"), keepingBackup: true)
        var status = stat()
        #expect(lstat(folder.file("link.json"), &status) == 0 && status.st_mode & S_IFMT == S_IFLNK)
        #expect(folder.bytes("real.json") == Array("new\n".utf8))
        #expect(folder.bytes("real.json.bak") == Array("old\n".utf8))
        #expect(!folder.names.contains("link.json.bak"))
    }

    @Test func savingKeepsTheFilesPermissions() throws {
        let folder = try Folder()
        folder.put("private.json", Array("old\n".utf8))
        #expect(chmod(folder.file("private.json"), 0o600) == 0)
        try AtomicFile.write("new\n", to: folder.file("private.json"), keepingBackup: true)
        var status = stat()
        #expect(stat(folder.file("private.json"), &status) == 0)
        #expect(status.st_mode & 0o777 == 0o600)
        #expect(stat(folder.file("private.json.bak"), &status) == 0)
        #expect(status.st_mode & 0o777 == 0o600)
    }

    @Test func readingADirectorySaysSo() throws {
        let folder = try Folder()
        let error = failure { () throws(FileError) in _ = try AtomicFile.read(folder.path) }
        #expect(error?.message == "cannot read \(folder.path): it is a directory")
    }

    @Test func readingAMissingFileSaysSo() throws {
        let folder = try Folder()
        let path = folder.file("nope.json")
        let error = failure { () throws(FileError) in _ = try AtomicFile.read(path) }
        #expect(error?.message == "cannot read \(path): no such file or directory")
    }

    @Test func readingNonUTF8SaysSo() throws {
        let folder = try Folder()
        folder.put("latin1.json", [0x7B, 0x22, 0xE9, 0x22, 0x7D])
        let path = folder.file("latin1.json")
        let error = failure { () throws(FileError) in _ = try AtomicFile.read(path) }
        #expect(error?.message == "cannot read \(path): not UTF-8 text")
        #expect(try AtomicFile.readBytes(path) == [0x7B, 0x22, 0xE9, 0x22, 0x7D], "the bytes themselves are readable")
    }
}
