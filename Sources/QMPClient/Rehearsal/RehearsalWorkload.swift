/// What the rehearsal guest does: a 64 KiB `-bios` image, written by migedit itself at run time
/// so a rehearsal needs nothing outside the QEMU package. Both workloads bump a 16-bit
/// heartbeat counter at physical 0x500 for ever, which is how `rehearse` sees that the guest
/// runs on the destination; `dirty` also writes one word every 64 bytes over 0x10000–0x9FFFF,
/// so 144 pages stay dirty and xbzrle, auto-converge and postcopy have work to do.
public enum RehearsalWorkload: String, CaseIterable, Sendable {
    case idle
    case dirty

    /// The firmware image: the code at offset 0 (where the reset vector's jump lands) and the
    /// reset vector at 0xFFF0, zeros elsewhere.
    public var firmware: [UInt8] {
        var image = [UInt8](repeating: 0, count: 0x10000)
        image.replaceSubrange(0..<code.count, with: code)
        // reset:  ljmp $0xF000, $0          ea 00 00 00 f0   (to _start at F000:0000)
        image.replaceSubrange(0xFFF0..<0xFFF5, with: [0xEA, 0x00, 0x00, 0x00, 0xF0])
        return image
    }

    /// 16-bit real-mode code, assembled with `as --32` (`.code16`) and
    /// `ld -m elf_i386 -Ttext 0 --oformat binary`.
    private var code: [UInt8] {
        switch self {
        case .idle:
            return [
                0xFA,  //                  cli
                0x31, 0xC0,  //            xor  %ax, %ax
                0x8E, 0xD8,  //            mov  %ax, %ds
                0xFF, 0x06, 0x00, 0x05,  // beat: incw 0x500      heartbeat
                0xEB, 0xFA,  //            jmp  beat
            ]
        case .dirty:
            return [
                0xFA,  //                  cli
                0x31, 0xC0,  //            xor  %ax, %ax
                0x8E, 0xD8,  //            mov  %ax, %ds
                0xBB, 0x00, 0x10,  //      outer_reset: mov $0x1000, %bx
                0x8E, 0xC3,  //            outer: mov %bx, %es
                0x31, 0xFF,  //            xor  %di, %di
                0xFF, 0x06, 0x00, 0x05,  // incw 0x500            heartbeat
                0xA1, 0x00, 0x05,  //      mov  0x500, %ax
                0x26, 0x89, 0x05,  //      inner: mov %ax, %es:(%di)
                0x83, 0xC7, 0x40,  //      add  $64, %di
                0x75, 0xF8,  //            jnz  inner             64 KiB segment done?
                0x81, 0xC3, 0x00, 0x10,  // add  $0x1000, %bx     next segment
                0x81, 0xFB, 0x00, 0xA0,  // cmp  $0xA000, %bx
                0x72, 0xE3,  //            jb   outer
                0xEB, 0xDE,  //            jmp  outer_reset
            ]
        }
    }
}
