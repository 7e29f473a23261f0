using System.Globalization;
using System.Text;

namespace Swiotlb.Trace.TraceDat.Decoding;

/// <summary>Prints <c>DMA_ATTR_*</c> bits as the <c>dma:*</c> events' <c>__print_flags</c> does: names joined by <c>|</c>, leftover bits in hex.</summary>
internal static class DmaAttributeNames
{
    private static readonly (ulong Mask, string Name)[] Flags =
    [
        (1UL << 1, "WEAK_ORDERING"),
        (1UL << 2, "WRITE_COMBINE"),
        (1UL << 4, "NO_KERNEL_MAPPING"),
        (1UL << 5, "SKIP_CPU_SYNC"),
        (1UL << 6, "FORCE_CONTIGUOUS"),
        (1UL << 7, "ALLOC_SINGLE_PAGES"),
        (1UL << 8, "NO_WARN"),
        (1UL << 9, "PRIVILEGED"),
    ];

    public static string Format(ulong attributes)
    {
        var text = new StringBuilder();
        foreach (var (mask, name) in Flags)
        {
            if ((attributes & mask) == mask)
            {
                attributes &= ~mask;
                text.Append(text.Length > 0 ? "|" : "").Append(name);
            }
        }

        if (attributes != 0)
        {
            text.Append(text.Length > 0 ? "|" : "").Append("0x").Append(attributes.ToString("x", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
