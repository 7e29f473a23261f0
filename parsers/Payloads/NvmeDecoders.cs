using System.Buffers.Binary;
using System.Text;
using Swiotlb.Trace.Events;
using Swiotlb.Trace.Text;

namespace Swiotlb.Trace.Payloads;

/// <summary>
/// The nvme events in both renderings: the kernel's (<c>nvme0: disk=nvme0n1, qid=2, cmdid=…, cmd=(nvme_cmd_write slba=0, len=7, …)</c>)
/// and trace-cmd's <c>[FAILED TO PARSE] disk=… ctrl_id=0 qid=2 opcode=1 … cid=… cdw10=ARRAY[…]</c>, decoded from the fields.
/// </summary>
internal static class NvmeDecoders
{
    private static ReadOnlySpan<byte> FailedToParse => "[FAILED TO PARSE] "u8;

    public static DecodeResult SetupCommand(in EventHeader header, ReadOnlySpan<byte> payload, Utf8StringPool strings)
    {
        var rawFields = payload.StartsWith(FailedToParse);
        var fields = new FieldReader(payload, strings);
        var disk = fields.OptionalText("disk"u8);
        var controller = ControllerId(payload, ref fields);
        var queue = fields.Int("qid"u8);
        var command = (ushort)fields.Number("cmdid"u8, "cid"u8);
        var ns = (uint)fields.Number("nsid"u8);
        byte opcode;
        NvmeBlockRange? range;
        if (rawFields)
        {
            opcode = (byte)fields.Number("opcode"u8);
            range = queue != 0 && NvmeOpcodes.CarriesBlockRange(opcode) ? RangeFromCdw10Bytes(payload) : null;
        }
        else
        {
            opcode = CommandOpcode(payload, ref fields);
            range = queue != 0 && NvmeOpcodes.CarriesBlockRange(opcode) ? RangeFromText(payload, ref fields) : null;
        }
        var flags = (byte)fields.Number("flags"u8);
        return DecodeResult.From(new NvmeSetupCmd(header, disk, controller, queue, command, opcode, ns, range) { Flags = flags }, fields.Problem);
    }

    public static DecodeResult CompleteRequest(in EventHeader header, ReadOnlySpan<byte> payload, Utf8StringPool strings)
    {
        var fields = new FieldReader(payload, strings);
        var disk = fields.OptionalText("disk"u8);
        var controller = ControllerId(payload, ref fields);
        var completed = new NvmeCompleteRq(header, disk, controller,
            fields.Int("qid"u8), (ushort)fields.Number("cmdid"u8, "cid"u8), fields.Number("res"u8, "result"u8),
            fields.Int("retries"u8), fields.Int("flags"u8), fields.Int("status"u8));
        return DecodeResult.From(completed, fields.Problem);
    }

    public static DecodeResult SubmissionQueue(in EventHeader header, ReadOnlySpan<byte> payload, Utf8StringPool strings)
    {
        var fields = new FieldReader(payload, strings);
        var disk = fields.OptionalText("disk"u8);
        var controller = ControllerId(payload, ref fields);
        var sq = new NvmeSq(header, disk, controller, fields.Int("qid"u8), fields.Int("head"u8, "sq_head"u8), fields.Int("tail"u8, "sq_tail"u8));
        return DecodeResult.From(sq, fields.Problem);
    }

    /// <summary><c>nvmeN:</c> at the start (kernel text) or <c>ctrl_id=N</c> (trace-cmd); -1 when neither is there.</summary>
    private static int ControllerId(ReadOnlySpan<byte> payload, ref FieldReader fields)
    {
        if (payload.StartsWith("nvme"u8))
        {
            var colon = payload.IndexOf((byte)':');
            if (colon > 4 && SpanText.TryParseInt(payload[4..colon], out var id))
                return id;
        }
        return PayloadFields.TryGet(payload, "ctrl_id"u8, out _) ? fields.Int("ctrl_id"u8) : -1;
    }

    private static byte CommandOpcode(ReadOnlySpan<byte> payload, ref FieldReader fields)
    {
        var open = payload.IndexOf("cmd=("u8);
        if (open < 0)
        {
            fields.Fail("expected cmd=(NAME …) in nvme_setup_cmd");
            return 0;
        }
        var name = payload[(open + 5)..];
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
            return (byte)numeric;
        fields.Fail($"expected a known NVMe command name in cmd=(…), found '{Encoding.UTF8.GetString(name)}'");
        return 0;
    }

    /// <summary>
    /// <c>slba</c> and <c>len</c>, which the kernel prints only for the commands its trace.c formats as reads and writes; the other
    /// commands that carry a range (compare, write uncorrectable, verify on most releases) print their <c>cdw10</c> bytes, and their range is unknown.
    /// </summary>
    private static NvmeBlockRange? RangeFromText(ReadOnlySpan<byte> payload, ref FieldReader fields)
    {
        if (!PayloadFields.TryGet(payload, "slba"u8, out _))
            return null;
        var lba = fields.Number("slba"u8);
        var length = fields.Number("len"u8);
        return new NvmeBlockRange(lba, (uint)length + 1);
    }

    /// <summary>
    /// cdw10..cdw15 as trace-cmd prints the raw bytes. <c>ARRAY[…]</c> has them all; when trace-cmd printed the bytes as a string
    /// (all bytes before the first NUL printable) the rest is lost and the range is unknown.
    /// </summary>
    private static NvmeBlockRange? RangeFromCdw10Bytes(ReadOnlySpan<byte> payload)
    {
        var at = payload.IndexOf("cdw10=ARRAY["u8);
        if (at < 0)
            return null;
        var list = payload[(at + 12)..];
        var close = list.IndexOf((byte)']');
        if (close < 0 || !PayloadFields.TryParseBytes(list[..close], out var bytes) || bytes.Length < 10)
            return null;
        return new NvmeBlockRange(BinaryPrimitives.ReadUInt64LittleEndian(bytes), (uint)BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)) + 1);
    }
}
