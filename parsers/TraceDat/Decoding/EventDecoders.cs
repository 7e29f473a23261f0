using Swiotlb.Trace.Binary;
using Swiotlb.Trace.TraceDat.Formats;
using Swiotlb.Trace.TraceDat.Metadata;

namespace Swiotlb.Trace.TraceDat.Decoding;

/// <summary>Chooses an event format's decoder by <c>system:name</c> (never by id: ids differ per boot); generic when the fields do not fit.
/// Kprobes and fprobes (7.x records its unmap probe as an fprobe) are placed by their probed function.</summary>
internal static class EventDecoders
{
    public static RecordDecoder For(EventFormat format, ByteOrder order, KernelSymbols symbols, Action<string> note)
    {
        var generic = GenericDecoder.For(format, order);
        var typed = (format.System, format.Name) switch
        {
            ("swiotlb", "swiotlb_bounced") => SwiotlbDecoders.Bounced(format, order),
            ("nvme", "nvme_setup_cmd") => NvmeDecoders.SetupCmd(format, order),
            ("nvme", "nvme_complete_rq") => NvmeDecoders.CompleteRq(format, order),
            ("nvme", "nvme_sq") => NvmeDecoders.Sq(format, order),
            ("block", "block_rq_issue") => BlockDecoders.RqIssue(format, order),
            ("block", "block_rq_complete") => BlockDecoders.RqComplete(format, order),
            ("dma", _) => DmaDecoders.For(format, order),
            ("kprobes" or "fprobes", _) => KprobeDecoders.For(format, order, symbols, generic, note),
            _ => null,
        };
        return typed ?? generic;
    }
}
