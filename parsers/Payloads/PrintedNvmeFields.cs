using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Swiotlb.Trace.Kernel;
using Swiotlb.Trace.Text;

namespace Swiotlb.Trace.Payloads;

/// <summary>
/// The fields of a printed nvme event, in both renderings: the kernel's (<c>nvme0: disk=nvme0n1, qid=2, cmdid=…,
/// cmd=(nvme_cmd_write slba=0, len=7, …)</c>), where the controller is the <c>nvmeN:</c> prefix, the opcode a name and cdw10
/// its decoded <c>slba</c> and <c>len</c>; and trace-cmd's <c>[FAILED TO PARSE] disk=… ctrl_id=0 qid=2 opcode=1 … cid=… cdw10=ARRAY[…]</c>.
/// Keyed fields are read as <see cref="PrintedFields"/> reads them; the first field missing or malformed is <see cref="Problem"/>.
/// </summary>
internal ref struct PrintedNvmeFields(ReadOnlySpan<byte> payload, Utf8StringPool strings) : IEventFields
{
    private static readonly EventField StartLba = new("slba", PrintedShape.Decimal);
    private static readonly EventField Length = new("len", PrintedShape.Decimal);

    private readonly ReadOnlySpan<byte> _payload = payload;
    private readonly bool _byFieldName = payload.StartsWith("[FAILED TO PARSE] "u8);
    private PrintedFields _fields = new(payload, strings);
    private string? _problem;

    public readonly string? Problem => _problem;

    public string String(EventField field) => Checked(_fields.String(field));

    public bool TryString(EventField field, [NotNullWhen(true)] out string? value) => _fields.TryString(field, out value);

    public bool TryUnsigned(EventField field, out ulong value)
    {
        if (field == NvmeEventFields.ControllerId && PrefixController() is { } controller)
        {
            value = (ulong)controller;
            return true;
        }
        return Checked(_fields.TryUnsigned(field, out value));
    }

    public ulong Unsigned(EventField field)
    {
        if (field == NvmeEventFields.ControllerId && PrefixController() is { } controller)
            return (ulong)controller;
        if (field == NvmeEventFields.Setup.Opcode && !_byFieldName)
            return CommandOpcode();
        return Checked(_fields.Unsigned(field));
    }

    public long Signed(EventField field) => unchecked((long)Unsigned(field));

    public bool IsSet(EventField field) => Unsigned(field) != 0;

    public ImmutableArray<ulong> Array(EventField field) => Checked(_fields.Array(field));

    /// <summary>
    /// trace-cmd's <c>ARRAY[…]</c> has cdw10..cdw15 (a string rendering lost them); the kernel prints <c>slba</c> and <c>len</c>
    /// only for the commands its trace.c formats as reads and writes, and the other commands that carry a range (compare, write
    /// uncorrectable, verify on most releases) print their cdw10 bytes: their range is unknown.
    /// </summary>
    public int Bytes(EventField field, scoped Span<byte> destination)
    {
        if (_byFieldName)
            return _fields.Bytes(field, destination);
        if (field != NvmeEventFields.Setup.Cdw10 || destination.Length < 10 || !Checked(_fields.TryUnsigned(StartLba, out var startLba)))
            return 0;
        BinaryPrimitives.WriteUInt64LittleEndian(destination, startLba);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[8..], (ushort)Checked(_fields.Unsigned(Length)));
        return 10;
    }

    public string? Words(EventField field) => Checked(_fields.Words(field));

    /// <summary>The <c>N</c> of the kernel's <c>nvmeN:</c> prefix, null when the payload has none.</summary>
    private readonly int? PrefixController()
    {
        if (!_payload.StartsWith("nvme"u8))
            return null;
        var colon = _payload.IndexOf((byte)':');
        return colon > 4 && SpanText.TryParseInt(_payload[4..colon], out var id) ? id : null;
    }

    private ulong CommandOpcode()
    {
        var open = _payload.IndexOf("cmd=("u8);
        if (open < 0)
            return Fail("expected cmd=(NAME …) in nvme_setup_cmd");
        var name = _payload[(open + 5)..];
        var end = name.IndexOfAny((byte)' ', (byte)')');
        name = end < 0 ? name : name[..end];
        Span<char> chars = stackalloc char[64];
        if (name.Length <= chars.Length)
        {
            var count = Encoding.ASCII.GetChars(name, chars);
            if (NvmeOpcodes.TryGet(chars[..count], out var opcode))
                return opcode;
        }
        if (PayloadFields.TryParseNumber(name, out var numeric) && numeric <= byte.MaxValue)
            return numeric;
        return Fail($"expected a known NVMe command name in cmd=(…), found '{Encoding.UTF8.GetString(name)}'");
    }

    private T Checked<T>(T value)
    {
        _problem ??= _fields.Problem;
        return value;
    }

    private ulong Fail(string problem)
    {
        _problem ??= _fields.Problem ?? problem;
        return 0;
    }
}
