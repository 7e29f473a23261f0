using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Swiotlb.Trace.Kernel;
using Swiotlb.Trace.Text;
using BouncedFields = Swiotlb.Trace.Kernel.SwiotlbEventFields.Bounced;

namespace Swiotlb.Trace.Payloads;

/// <summary>
/// The fields of a printed <c>swiotlb_bounced</c>: <c>dev_name: DEV dma_mask=HEX dev_addr=HEX size=N FORCE</c>, the last word
/// the 5.10 enum's name, the 5.19+ bool's (NORMAL or FORCE), or trace-cmd's number. Keyed fields are read as
/// <see cref="PrintedFields"/> reads them; the first field missing or malformed is <see cref="Problem"/>.
/// </summary>
internal ref struct PrintedBouncedFields : IEventFields
{
    private readonly ReadOnlySpan<byte> _device;
    private readonly ReadOnlySpan<byte> _force;
    private readonly Utf8StringPool _strings;
    private PrintedFields _fields;
    private string? _problem;

    public PrintedBouncedFields(ReadOnlySpan<byte> payload, Utf8StringPool strings)
    {
        _strings = strings;
        if (!payload.StartsWith("dev_name: "u8))
            _problem = "expected 'dev_name: DEVICE' at the start of swiotlb_bounced";
        var afterName = payload[Math.Min(10, payload.Length)..];
        var nameEnd = afterName.IndexOf((byte)' ');
        if (nameEnd <= 0)
            _problem ??= "expected a device name after 'dev_name: '";
        _device = nameEnd > 0 ? afterName[..nameEnd] : default;
        _fields = new PrintedFields(afterName, strings);
        _force = payload[(payload.LastIndexOf((byte)' ') + 1)..];
    }

    public readonly string? Problem => _problem;

    public readonly string String(EventField field) => _strings.Get(_device);

    /// <summary>Every field is printed, the decision too.</summary>
    public readonly bool TryString(EventField field, [NotNullWhen(true)] out string? value)
    {
        value = String(field);
        return true;
    }

    public bool TryUnsigned(EventField field, out ulong value)
    {
        value = Unsigned(field);
        return true;
    }

    public ulong Unsigned(EventField field)
    {
        if (field == BouncedFields.Force)
            return Force();
        var value = _fields.Unsigned(field);
        _problem ??= _fields.Problem;
        return value;
    }

    public long Signed(EventField field) => unchecked((long)Unsigned(field));

    public bool IsSet(EventField field) => Unsigned(field) != 0;

    public readonly ImmutableArray<ulong> Array(EventField field) => [];

    public readonly int Bytes(EventField field, scoped Span<byte> destination) => 0;

    public readonly string? Words(EventField field) => null;

    private ulong Force()
    {
        var names = BouncedFields.Force.SymbolsUtf8;
        for (var value = 0; value < names.Length; value++)
            if (_force.SequenceEqual(names[value]))
                return (ulong)value;
        if (PayloadFields.TryParseNumber(_force, out var number) && number < (ulong)names.Length)
            return number;
        _problem ??= "expected FORCE, NORMAL, NO_FORCE or a number as the last word of swiotlb_bounced";
        return 0;
    }
}
