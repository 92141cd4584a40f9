/// Why a `-global migration.PROP=VALUE` value was rejected, in our words and in QEMU's.
///
/// Both are kept because they serve different readers: `message` tells the user what would have
/// been accepted, while `qemuMessage` lets them recognise the error a failed QEMU start printed.
public struct ValueParseError: Error, Hashable, Sendable {
    /// `NAME: expects …, got '…'`: what would have been accepted and what was given.
    public let message: String
    /// What QEMU 9.0 prints after `can't apply global migration.NAME=VALUE: ` for the same text.
    public let qemuMessage: String

    public init(message: String, qemuMessage: String) {
        self.message = message
        self.qemuMessage = qemuMessage
    }
}

/// Reads `-global migration.PROP=VALUE` values with QEMU 9.0's own rules, so that the editor
/// accepts exactly the texts QEMU accepts and reads the same number from them that QEMU would.
public enum ValueParser {
    /// The hint QEMU prints under a size syntax error. It is kept apart from `qemuMessage`
    /// because QEMU prints it as a separate hint, not as part of the error line.
    public static let sizeHint =
        "Optional suffix k, M, G, T, P or E means kilo-, mega-, giga-, tera-, peta-\nand exabytes, respectively."

    /// Parses `text` the way QEMU's string input visitor parses a `-global` value of `type`.
    ///
    /// `name` is the name used in messages (the -global property name, or the QAPI name when the
    /// item has none). `version` picks the size syntax, which QEMU changed in 8.0 and 8.1.
    public static func parse(
        _ text: String, as type: ValueType, name: String, version: QEMUVersion = .standard
    ) -> Result<Value, ValueParseError> {
        switch type {
        case .bool:
            return parseBool(text, name: name)
        case .uint8, .uint32, .uint64:
            return parseInteger(text, as: type, name: name)
        case .size:
            return parseSize(text, name: name, version: version)
        case .enumeration(let values):
            return parseChoice(text, among: values, name: name)
        case .string:
            return .success(.text(text))
        case .bitmapMapping, .stringList:
            return .failure(ValueParseError(
                message: "\(name): has no -global form; set it through QMP (a JSON list) or a profile",
                qemuMessage: "Property 'migration.\(name)' not found"))
        }
    }

    // MARK: - Booleans

    private static let trueWords: Set<String> = ["on", "yes", "true", "y"]
    private static let falseWords: Set<String> = ["off", "no", "false", "n"]

    /// QEMU's `qapi_bool_parse`: eight exact, case-sensitive words.
    private static func parseBool(_ text: String, name: String) -> Result<Value, ValueParseError> {
        if trueWords.contains(text) { return .success(.bool(true)) }
        if falseWords.contains(text) { return .success(.bool(false)) }
        return .failure(ValueParseError(
            message: "\(name): expects \(ValueType.bool.syntax), got '\(text)'",
            qemuMessage: "Parameter '\(name)' expects 'on' or 'off'"))
    }

    // MARK: - Enumerations

    private static func parseChoice(
        _ text: String, among values: [String], name: String
    ) -> Result<Value, ValueParseError> {
        if values.contains(text) { return .success(.choice(text)) }
        return .failure(ValueParseError(
            message: "\(name): expects \(ValueType.enumeration(values).syntax), got '\(text)'",
            qemuMessage: "Parameter '\(name)' does not accept value '\(text)'"))
    }

    // MARK: - Integers

    /// QEMU reads every unsigned property as a uint64 with `qemu_strtou64(text, NULL, 0, …)` and
    /// only then checks the property's width, which is why `-1` is a valid uint64 (it wraps) but
    /// an invalid uint8, and why the two failures have different QEMU messages.
    private static func parseInteger(
        _ text: String, as type: ValueType, name: String
    ) -> Result<Value, ValueParseError> {
        let maximum = type.maximum ?? UInt64.max
        let message = "\(name): expects \(type.syntax) (\(type.displayName)), got '\(text)'"
        let bytes = Array(text.utf8)
        let scan = CUnsignedScan(bytes, base: 0)
        guard scan.converted, !scan.overflow, scan.end == bytes.count else {
            return .failure(ValueParseError(message: message, qemuMessage: "Parameter '\(name)' expects uint64"))
        }
        let value = scan.negative ? 0 &- scan.magnitude : scan.magnitude
        guard value <= maximum else {
            let cType = type == .uint8 ? "uint8_t" : "uint32_t"
            return .failure(ValueParseError(message: message, qemuMessage: "Parameter '\(name)' expects \(cType)"))
        }
        return .success(.number(value))
    }

    // MARK: - Sizes

    private static func parseSize(_ text: String, name: String, version: QEMUVersion) -> Result<Value, ValueParseError> {
        switch SizeScan(Array(text.utf8), version: version) {
        case .bytes(let value):
            return .success(.number(value))
        case .invalid:
            return .failure(ValueParseError(
                message: "\(name): expects \(ValueType.size.syntax), got '\(text)'",
                qemuMessage: "Parameter '\(name)' expects a non-negative number below 2^64"))
        case .outOfRange:
            return .failure(ValueParseError(
                message: "\(name): expects a non-negative size below 2^64 bytes (16 EiB), got '\(text)'",
                qemuMessage: "Value '\(text)' is out of range for parameter '\(name)'"))
        }
    }
}

/// What C's `strtoull` makes of the start of a byte string, in glibc's pre-C23 form (no `0b`).
///
/// Both of QEMU's number readers are built on it, so modelling it once keeps their quirks
/// (leading blanks and signs, `0x` and octal prefixes, wrapping negatives) identical.
private struct CUnsignedScan {
    /// The digits' value, saturated at `UInt64.max` when `overflow` is set.
    var magnitude: UInt64 = 0
    var negative = false
    var overflow = false
    /// False when no digits were found; `end` is then 0, as strtoull leaves `endptr` at the start.
    var converted = false
    /// The index just past the last byte strtoull consumed.
    var end = 0

    init(_ bytes: [UInt8], base requestedBase: UInt64) {
        var index = 0
        while index < bytes.count, isCSpace(bytes[index]) { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var base = requestedBase
        if base == 0 || base == 16,
           byte(bytes, index) == UInt8(ascii: "0"), byte(bytes, index + 1) | 0x20 == UInt8(ascii: "x") {
            if let digit = digitValue(byte(bytes, index + 2)), digit < 16 {
                index += 2
                base = 16
            } else {
                // glibc reads "0x" without hex digits as the number 0 followed by "x…".
                converted = true
                end = index + 1
                return
            }
        } else if base == 0 {
            base = byte(bytes, index) == UInt8(ascii: "0") ? 8 : 10
        }
        let digitsStart = index
        while let digit = digitValue(byte(bytes, index)), digit < base {
            let (product, productOverflow) = magnitude.multipliedReportingOverflow(by: base)
            let (sum, sumOverflow) = product.addingReportingOverflow(digit)
            if productOverflow || sumOverflow { overflow = true }
            magnitude = overflow ? .max : sum
            index += 1
        }
        if index > digitsStart {
            converted = true
            end = index
        }
    }
}

/// The outcome of QEMU 9.0's `qemu_strtosz(text, NULL, …)` (`do_strtosz` in util/cutils.c).
private enum SizeScan {
    case bytes(UInt64)
    /// QEMU's `-EINVAL`: a syntax error.
    case invalid
    /// QEMU's `-ERANGE`: negative or not below 2^64.
    case outOfRange

    /// The rules, in QEMU's order: the integer part is always decimal (so `010` is ten); `0x`
    /// hex is allowed only bare; a fraction (either side of `.` may be empty) is kept as 64-bit
    /// fixed point and, unless it is zero or rounds to 1.0 as a double, needs a suffix larger
    /// than bytes; `e`/`E` always means exabytes, never an
    /// exponent; the product is exact and rounds half up; an overflow is only reported as out of
    /// range when nothing follows it, because trailing junk takes priority as a syntax error.
    ///
    /// Before 8.1 `do_strtosz` refused any `-` in the integer part as a syntax error and needed
    /// integer digits before a fraction (`.5k`); 7.2 also still allowed a suffix on hex numbers
    /// (`0x10k`, with a deprecation warning migedit does not reproduce).
    init(_ bytes: [UInt8], version: QEMUVersion) {
        if version < .v8_1 {
            let integral = CUnsignedScan(bytes, base: 10)
            if !integral.converted || integral.negative {
                self = .invalid
                return
            }
            if version < .v8_0, integral.magnitude == 0, byte(bytes, integral.end) | 0x20 == UInt8(ascii: "x") {
                let hex = CUnsignedScan(bytes, base: 16)
                let suffix = sizeMultiplier(byte(bytes, hex.end))
                if let suffix, !hex.overflow, hex.end + 1 == bytes.count {
                    let (product, overflow) = hex.magnitude.multipliedReportingOverflow(by: suffix)
                    self = overflow ? .outOfRange : .bytes(product)
                    return
                }
            }
        }
        self.init(bytes)
    }

    /// QEMU 8.1 and later.
    init(_ bytes: [UInt8]) {
        let integral = CUnsignedScan(bytes, base: 10)
        func rangeError(endingAt end: Int) -> SizeScan { end == bytes.count ? .outOfRange : .invalid }
        if integral.converted, integral.overflow || integral.negative {
            self = rangeError(endingAt: integral.end)
            return
        }
        var value = integral.magnitude
        var fraction: UInt64 = 0
        var end = integral.end
        let next = byte(bytes, end)
        if integral.converted, value == 0, next | 0x20 == UInt8(ascii: "x") {
            let hex = CUnsignedScan(bytes, base: 16)
            if hex.overflow {
                self = rangeError(endingAt: hex.end)
                return
            }
            let afterHex = byte(bytes, hex.end)
            if afterHex == UInt8(ascii: ".") || sizeMultiplier(afterHex) != nil {
                self = .invalid
                return
            }
            value = hex.magnitude
            end = hex.end
        } else if integral.converted ? next == UInt8(ascii: ".") : bytes.contains(UInt8(ascii: ".")) {
            if integral.converted, !isDigit(byte(bytes, end + 1)) {
                end += 1
            } else {
                guard let tail = FractionScan(bytes, from: end) else {
                    self = .invalid
                    return
                }
                if tail.negative {
                    self = rangeError(endingAt: tail.end)
                    return
                }
                end = tail.end
                if tail.roundsToOne {
                    if value == .max {
                        self = rangeError(endingAt: end)
                        return
                    }
                    value += 1
                } else {
                    fraction = tail.fixedPoint
                }
            }
        } else if !integral.converted {
            self = .invalid
            return
        }
        var multiplier: UInt64 = 1
        if let suffix = sizeMultiplier(byte(bytes, end)) {
            multiplier = suffix
            end += 1
        }
        if multiplier == 1 {
            if fraction != 0 {
                self = .invalid
                return
            }
        } else {
            let (high, low) = value.multipliedFullWidth(by: multiplier)
            let (fractionWhole, fractionRest) = fraction.multipliedFullWidth(by: multiplier)
            let (sum, carry) = low.addingReportingOverflow(fractionWhole)
            let (rounded, roundCarry) = sum.addingReportingOverflow(fractionRest >> 63)
            if high != 0 || carry || roundCarry {
                self = rangeError(endingAt: end)
                return
            }
            value = rounded
        }
        self = end == bytes.count ? .bytes(value) : .invalid
    }
}

/// The fractional part of a size as `strtod` reads it from a copy cut short at the first `e`/`E`:
/// optional blanks and sign (only possible when no integer digits came first), `.`, and digits.
private struct FractionScan {
    var negative = false
    /// The fraction rounded to a double rounded up to 1.0, which QEMU carries into the integer part.
    var roundsToOne = false
    /// The fraction as 0.64 fixed point, at least 1 for any non-zero digits (even on underflow).
    var fixedPoint: UInt64 = 0
    var end: Int

    init?(_ bytes: [UInt8], from start: Int) {
        var index = start
        while index < bytes.count, isCSpace(bytes[index]) { index += 1 }
        if byte(bytes, index) == UInt8(ascii: "+") || byte(bytes, index) == UInt8(ascii: "-") {
            negative = byte(bytes, index) == UInt8(ascii: "-")
            index += 1
        }
        guard byte(bytes, index) == UInt8(ascii: "."), isDigit(byte(bytes, index + 1)) else { return nil }
        index += 1
        let digitsStart = index
        while isDigit(byte(bytes, index)) { index += 1 }
        end = index
        let digits = bytes[digitsStart..<index]
        guard digits.contains(where: { $0 != UInt8(ascii: "0") }) else { return }
        let decimal = Double("0." + String(decoding: digits, as: UTF8.self)) ?? 0
        if decimal >= 1 {
            roundsToOne = true
        } else {
            fixedPoint = max(1, UInt64(decimal * 0x1p64))
        }
    }
}

/// The byte at `index`, or 0 past the end, mirroring the NUL that ends a C string.
private func byte(_ bytes: [UInt8], _ index: Int) -> UInt8 {
    index < bytes.count ? bytes[index] : 0
}

/// C's `isspace` in the "C" locale: what strtoull and strtod skip.
private func isCSpace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || (0x09...0x0D).contains(byte)
}

private func isDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
}

/// A digit's value in bases up to 36, as strtoull reads letters.
private func digitValue(_ byte: UInt8) -> UInt64? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt64(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "z"): return UInt64(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): return UInt64(byte - UInt8(ascii: "A") + 10)
    default: return nil
    }
}

/// QEMU's `suffix_mul` with a unit of 1024: one case-insensitive letter.
private func sizeMultiplier(_ byte: UInt8) -> UInt64? {
    switch byte | 0x20 {
    case UInt8(ascii: "b"): return 1
    case UInt8(ascii: "k"): return 1 << 10
    case UInt8(ascii: "m"): return 1 << 20
    case UInt8(ascii: "g"): return 1 << 30
    case UInt8(ascii: "t"): return 1 << 40
    case UInt8(ascii: "p"): return 1 << 50
    case UInt8(ascii: "e"): return 1 << 60
    default: return nil
    }
}
