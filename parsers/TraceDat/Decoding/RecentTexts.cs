using System.Text;

namespace Swiotlb.Trace.TraceDat.Decoding;

/// <summary>
/// The strings decoded lately (disk, device, rwbs and task names repeat in nearly every record): a record whose bytes
/// equal a kept entry's gets that entry's string instead of a new one. A fixed table per thread, short texts only, so
/// what it keeps does not grow with the capture.
/// </summary>
internal static class RecentTexts
{
    private const int Slots = 64;
    private const int MaxLength = 64;

    [ThreadStatic]
    private static (byte[] Bytes, string Text)[]? s_table;

    public static string Of(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxLength)
            return Encoding.UTF8.GetString(bytes);
        var table = s_table ??= new (byte[], string)[Slots];
        ref var slot = ref table[Slot(bytes)];
        if (slot.Bytes is not null && bytes.SequenceEqual(slot.Bytes))
            return slot.Text;
        var text = Encoding.UTF8.GetString(bytes);
        slot = (bytes.ToArray(), text);
        return text;
    }

    private static int Slot(ReadOnlySpan<byte> bytes)
    {
        var hash = (uint)bytes.Length * 2654435761u;
        foreach (var b in bytes)
            hash = (hash ^ b) * 16777619u;
        return (int)(hash % Slots);
    }
}
