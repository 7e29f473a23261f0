using Swiotlb.Trace.Binary;
using Swiotlb.Trace.Kernel;
using Swiotlb.Trace.TraceDat.Formats;
using Swiotlb.Trace.TraceDat.Metadata;

namespace Swiotlb.Trace.TraceDat.Decoding;

/// <summary>Chooses an event format's decoder by <c>system:name</c> (never by id: ids differ per boot): the kind's field-level
/// decoder in parsers/Kernel over the record's fields; generic when the fields do not fit. Kprobes and fprobes (7.x records its
/// unmap probe as an fprobe) are placed by their probed function.</summary>
internal static class EventDecoders
{
    public static RecordDecoder For(EventFormat format, ByteOrder order, KernelSymbols symbols, Action<string> note)
    {
        var generic = GenericDecoder.For(format, order);
        var typed = (format.System, format.Name) switch
        {
            ("swiotlb", "swiotlb_bounced") => RecordFields.Decoder(format, order, SwiotlbEventFields.Bounced.All, SwiotlbEventDecoder.Bounced),
            ("nvme", "nvme_setup_cmd") => RecordFields.Decoder(format, order, NvmeEventFields.Setup.All, NvmeEventDecoder.SetupCommand),
            ("nvme", "nvme_complete_rq") => RecordFields.Decoder(format, order, NvmeEventFields.Completion.All, NvmeEventDecoder.CompleteRequest),
            ("nvme", "nvme_sq") => RecordFields.Decoder(format, order, NvmeEventFields.SubmissionQueue.All, NvmeEventDecoder.SubmissionQueueHead),
            ("block", "block_rq_issue") => RecordFields.Decoder(format, order, BlockEventFields.Issue, BlockEventDecoder.Issue),
            ("block", "block_rq_complete") => RecordFields.Decoder(format, order, BlockEventFields.Complete, BlockEventDecoder.Complete),
            ("dma", _) => Dma(format, order),
            ("kprobes" or "fprobes", _) => KprobeDecoders.For(format, order, symbols, generic, note),
            _ => null,
        };
        return typed ?? generic;
    }

    private static RecordDecoder? Dma(EventFormat format, ByteOrder order) =>
        DmaEventDecoder.TryRecognise(format.Name, out var type)
            ? RecordFields.Decoder(format, order, DmaEventDecoder.FieldsOf(type), (in header, ref fields) => DmaEventDecoder.Decode(type, header, ref fields))
            : null;
}
