using System.Collections.Immutable;
using Swiotlb.Trace.Text;

namespace Swiotlb.Trace.Payloads;

/// <summary>
/// Reads the named fields of one payload, remembering the first field that was missing or malformed,
/// so a decoder reads its fields in a row and checks <see cref="Problem"/> once at the end.
/// </summary>
public ref struct FieldReader(ReadOnlySpan<byte> payload, Utf8StringPool strings)
{
    private readonly ReadOnlySpan<byte> _payload = payload;

    /// <summary>What was expected and not found, or null when every read succeeded.</summary>
    public string? Problem { get; private set; }

    public ulong Number(ReadOnlySpan<byte> key, ReadOnlySpan<byte> alternateKey = default)
    {
        if (Find(key, alternateKey, out var text) && PayloadFields.TryParseNumber(text, out var value))
            return value;
        return Fail(key, "a number");
    }

    public ulong? OptionalNumber(ReadOnlySpan<byte> key)
    {
        if (!PayloadFields.TryGet(_payload, key, out var text))
            return null;
        if (PayloadFields.TryParseNumber(text, out var value))
            return value;
        return Fail(key, "a number");
    }

    public ulong Hex(ReadOnlySpan<byte> key)
    {
        if (Find(key, default, out var text) && PayloadFields.TryParseHex(text, out var value))
            return value;
        return Fail(key, "a hexadecimal number");
    }

    public int Int(ReadOnlySpan<byte> key, ReadOnlySpan<byte> alternateKey = default) => unchecked((int)Number(key, alternateKey));

    public string Text(ReadOnlySpan<byte> key, ReadOnlySpan<byte> alternateKey = default)
    {
        if (Find(key, alternateKey, out var text))
            return strings.Get(text);
        Fail(key, "a value");
        return "";
    }

    public string OptionalText(ReadOnlySpan<byte> key, ReadOnlySpan<byte> alternateKey = default) =>
        Find(key, alternateKey, out var text) ? strings.Get(text) : "";

    public ImmutableArray<ulong> Array(ReadOnlySpan<byte> key, ReadOnlySpan<byte> alternateKey, int elementBytes)
    {
        if (Find(key, alternateKey, out var text) && PayloadFields.TryParseArray(text, elementBytes, out var values))
            return values;
        Fail(key, "an array {…} or ARRAY[…]");
        return [];
    }

    public ulong Fail(ReadOnlySpan<byte> key, string what)
    {
        Problem ??= $"expected {System.Text.Encoding.UTF8.GetString(key)}= with {what}";
        return 0;
    }

    public void Fail(string problem) => Problem ??= problem;

    private readonly bool Find(ReadOnlySpan<byte> key, ReadOnlySpan<byte> alternateKey, out ReadOnlySpan<byte> text) =>
        alternateKey.IsEmpty ? PayloadFields.TryGet(_payload, key, out text) : PayloadFields.TryGet(_payload, key, alternateKey, out text);
}
