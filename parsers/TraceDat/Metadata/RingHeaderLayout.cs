using Swiotlb.Trace.TraceDat.Formats;

namespace Swiotlb.Trace.TraceDat.Metadata;

/// <summary>The ring-buffer page header, from the file's <c>header_page</c> format: the size of <c>commit</c> and where events start.</summary>
internal sealed record RingHeaderLayout(int CommitSize, int DataOffset)
{
    /// <summary>Reads <c>commit</c>'s size and <c>data</c>'s offset; falls back to the user-space long size.</summary>
    public static RingHeaderLayout FromHeaderPage(string headerPageText, int longSize)
    {
        var fields = EventFormatParser.ParseFields(headerPageText);
        var commit = fields.FirstOrDefault(f => f.Name == "commit");
        var data = fields.FirstOrDefault(f => f.Name == "data");
        var commitSize = commit?.Size is 4 or 8 ? commit.Size : longSize;
        return new RingHeaderLayout(commitSize, data?.Offset ?? 8 + commitSize);
    }
}
