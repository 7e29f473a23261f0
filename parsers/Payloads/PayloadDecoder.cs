using Swiotlb.Trace.Events;
using Swiotlb.Trace.Kernel;
using Swiotlb.Trace.Text;

namespace Swiotlb.Trace.Payloads;

/// <summary>
/// Turns one text event (name + payload, as the kernel, trace-cmd or perf printed it) into a typed event.
/// Events bind by name (the <c>system:</c> prefix perf prints is ignored); unknown events become <see cref="GenericEvent"/>.
/// One decoder per capture: it remembers kprobe addresses and shares strings.
/// </summary>
public sealed class PayloadDecoder
{
    private readonly Utf8StringPool _strings = new();
    private readonly KprobeDecoder _kprobes = new();

    public Utf8StringPool Strings => _strings;

    public DecodeResult Decode(in EventHeader header, ReadOnlySpan<byte> name, ReadOnlySpan<byte> payload)
    {
        var colon = name.LastIndexOf((byte)':');
        var bareName = colon < 0 ? name : name[(colon + 1)..];
        var known = DmaEventDecoder.TryRecognise(bareName, out var dmaEvent) ? DecodeDma(dmaEvent, header, payload) : DecodeKnown(header, bareName, payload);
        if (known is { } typed)
            return typed;
        if (KprobeDecoder.LooksLikeProbe(payload))
        {
            var probe = _kprobes.TryDecode(header, _strings.Get(bareName), payload, _strings, out var note);
            if (probe is { } decoded)
                return decoded;
            return new DecodeResult(Generic(header, bareName, payload), null, note);
        }
        return DecodeResult.Of(Generic(header, bareName, payload));
    }

    private GenericEvent Generic(in EventHeader header, ReadOnlySpan<byte> name, ReadOnlySpan<byte> payload) =>
        new(header, _strings.Get(name), System.Text.Encoding.UTF8.GetString(payload));

    private DecodeResult DecodeDma(DmaEventType type, in EventHeader header, ReadOnlySpan<byte> payload)
    {
        var fields = new PrintedFields(payload, _strings);
        var decoded = DmaEventDecoder.Decode(type, header, ref fields);
        return DecodeResult.From(decoded, fields.Problem);
    }

    /// <summary>The printed fields of each known event, handed to its decoder in parsers/Kernel.</summary>
    private DecodeResult? DecodeKnown(in EventHeader header, ReadOnlySpan<byte> name, ReadOnlySpan<byte> payload) => name switch
    {
        _ when name.SequenceEqual("swiotlb_bounced"u8) => Bounced(header, payload),
        _ when name.SequenceEqual("nvme_setup_cmd"u8) => Nvme(header, payload, NvmeEventDecoder.SetupCommand),
        _ when name.SequenceEqual("nvme_complete_rq"u8) => Nvme(header, payload, NvmeEventDecoder.CompleteRequest),
        _ when name.SequenceEqual("nvme_sq"u8) => Nvme(header, payload, NvmeEventDecoder.SubmissionQueueHead),
        _ when name.SequenceEqual("block_rq_issue"u8) => Block(header, payload, isIssue: true),
        _ when name.SequenceEqual("block_rq_complete"u8) => Block(header, payload, isIssue: false),
        _ => null,
    };

    private DecodeResult Bounced(in EventHeader header, ReadOnlySpan<byte> payload)
    {
        var fields = new PrintedBouncedFields(payload, _strings);
        var decoded = SwiotlbEventDecoder.Bounced(header, ref fields);
        return DecodeResult.From(decoded, fields.Problem);
    }

    private DecodeResult Nvme(in EventHeader header, ReadOnlySpan<byte> payload, FieldDecoder<PrintedNvmeFields> decode)
    {
        var fields = new PrintedNvmeFields(payload, _strings);
        var decoded = decode(header, ref fields);
        return DecodeResult.From(decoded, fields.Problem);
    }

    private DecodeResult Block(in EventHeader header, ReadOnlySpan<byte> payload, bool isIssue)
    {
        var fields = new PrintedBlockFields(payload, isIssue, _strings);
        var decoded = isIssue ? BlockEventDecoder.Issue(header, ref fields) : BlockEventDecoder.Complete(header, ref fields);
        return DecodeResult.From(decoded, fields.Problem);
    }
}
