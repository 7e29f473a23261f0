using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Swiotlb.Trace.Kernel;
using Swiotlb.Trace.Text;

namespace Swiotlb.Trace.Payloads;

/// <summary>
/// The fields of one printed payload: the kernel's print fmt (<c>dma_addr=36f0f000 size=512</c>, also what perf script
/// prints), or trace-cmd's field rendering after <c>[FAILED TO PARSE]</c> (<c>device=… full_nents=2 dma_addrs=ARRAY[…]</c>),
/// where keys are the format's field names and numbers decimal or <c>0x</c> hex. The first field missing or malformed is
/// remembered in <see cref="Problem"/>; its reads return 0 or empty.
/// </summary>
internal ref struct PrintedFields(ReadOnlySpan<byte> payload, Utf8StringPool strings) : IEventFields
{
    private readonly ReadOnlySpan<byte> _payload = payload;
    private readonly bool _byFieldName = payload.StartsWith("[FAILED TO PARSE]"u8);

    public string? Problem { get; private set; }

    public string String(EventField field)
    {
        if (Find(field, out var named))
            return strings.Get(named);
        if (field.Shape != PrintedShape.LeadingString || _byFieldName)
        {
            Fail(field, "a value");
            return "";
        }
        var space = _payload.IndexOf((byte)' ');
        return strings.Get(space < 0 ? _payload : _payload[..space]);
    }

    public readonly bool TryString(EventField field, [NotNullWhen(true)] out string? value)
    {
        value = Find(field, out var text) ? strings.Get(text) : null;
        return value is not null;
    }

    public ulong Unsigned(EventField field) => Find(field, out var text) ? Parsed(field, text) : Fail(field, "a number");

    /// <summary>Absent is no problem; malformed is.</summary>
    public bool TryUnsigned(EventField field, out ulong value)
    {
        var found = Find(field, out var text);
        value = found ? Parsed(field, text) : 0;
        return found;
    }

    private ulong Parsed(EventField field, ReadOnlySpan<byte> text)
    {
        if (!_byFieldName)
        {
            switch (field.Shape)
            {
                case PrintedShape.Hex:
                    return PayloadFields.TryParseHex(text, out var hex) ? hex : Fail(field, "a hexadecimal number");
                case PrintedShape.ShownOfTotal when text.IndexOf((byte)'/') is var slash and >= 0:
                    text = text[(slash + 1)..];
                    break;
                case PrintedShape.Symbol when SymbolValue(field, text) is { } symbol:
                    return symbol;
            }
        }
        return PayloadFields.TryParseNumber(text, out var value) && (field.Symbols is null || value < (ulong)field.Symbols.Count)
            ? value
            : Fail(field, field.Symbols is null ? "a number" : string.Join(", ", field.Symbols) + " or its number");
    }

    public long Signed(EventField field) => unchecked((long)Unsigned(field));

    public readonly bool IsSet(EventField field)
    {
        if (field.Shape == PrintedShape.Marker && !_byFieldName)
            return _payload.IndexOf(field.PrintedUtf8) >= 0;
        return Find(field, out var text) && PayloadFields.TryParseNumber(text, out var value) && value != 0;
    }

    public ImmutableArray<ulong> Array(EventField field)
    {
        if (Find(field, out var text) && PayloadFields.TryParseArray(text, field.ElementBytes, out var values))
            return values;
        Fail(field, "an array {…} or ARRAY[…]");
        return [];
    }

    /// <summary>trace-cmd's <c>ARRAY[…]</c>; 0 when the field is missing or rendered otherwise (a string loses the bytes).</summary>
    public readonly int Bytes(EventField field, scoped Span<byte> destination)
    {
        if (!Find(field, out var text) || !text.StartsWith("ARRAY["u8) || !text.EndsWith("]"u8) || !PayloadFields.TryParseBytes(text[6..^1], out var bytes))
            return 0;
        var count = Math.Min(bytes.Length, destination.Length);
        bytes.AsSpan(0, count).CopyTo(destination);
        return count;
    }

    /// <summary>As printed; a number (printers that cannot evaluate the table) in the kernel's words; null when absent.</summary>
    public readonly string? Words(EventField field)
    {
        if (!Find(field, out var text))
            return null;
        Span<byte> words = stackalloc byte[256];
        return field.Words is { } table && table.TryReword(text, words, out var length) ? strings.Get(words[..length]) : strings.Get(text);
    }

    /// <summary>The kernel's key first, the field name after; trace-cmd's field rendering the other way round.</summary>
    private readonly bool Find(EventField field, out ReadOnlySpan<byte> value)
    {
        if (_byFieldName)
            return PayloadFields.TryGet(_payload, field.NameUtf8, out value)
                || (field.OlderNameUtf8.Length > 0 && PayloadFields.TryGet(_payload, field.OlderNameUtf8, out value));
        return PayloadFields.TryGet(_payload, field.PrintedUtf8, out value) || PayloadFields.TryGet(_payload, field.NameUtf8, out value);
    }

    private static ulong? SymbolValue(EventField field, ReadOnlySpan<byte> text)
    {
        var symbols = field.SymbolsUtf8;
        for (var i = 0; i < symbols.Length; i++)
            if (text.SequenceEqual(symbols[i]))
                return (ulong)i;
        return null;
    }

    private ulong Fail(EventField field, string what)
    {
        Problem ??= $"expected {field.PrintedAs}= with {what}";
        return 0;
    }
}
