using System.Globalization;
using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Tests.TraceDat;

/// <summary>
/// What <c>trace-cmd report</c> must show for a typed event, as tokens of its payload. Each entry lists the
/// acceptable spellings (the peer prints some values differently per kernel, e.g. <c>FORCE</c> or <c>0x1</c>).
/// Events the peer prints as <c>[FAILED TO PARSE]</c> are checked against its raw <c>field=value</c> list.
/// </summary>
internal static class ReportExpectations
{
    public static IEnumerable<string[]> TokensOf(TraceEvent e) => e switch
    {
        SwiotlbBounced b =>
        [
            [$"dev_name: {b.Device}"], [$"dma_mask={Hex(b.DmaMask)}"], [$"dev_addr={Hex(b.OriginalAddress)}"], [$"size={b.Size}"],
            [b.Force.ToString().ToUpperInvariant().Replace("NOFORCE", "NO_FORCE", StringComparison.Ordinal), $"0x{(int)b.Force:x}"],
        ],
        NvmeSetupCmd c =>
        [
            [$"disk={c.Disk}"], [$"ctrl_id={c.ControllerId}"], [$"qid={c.QueueId}"], [$"opcode={c.Opcode}"], [$"cid={c.CommandId}"], [$"nsid={c.NamespaceId}"],
            .. c.Range is { } range ? new[] { Cdw10Spellings(range) } : [],
        ],
        NvmeCompleteRq c =>
        [
            [$"disk={c.Disk}"], [$"ctrl_id={c.ControllerId}"], [$"qid={c.QueueId}"], [$"cid={c.CommandId}"], [$"result={c.Result}"],
            [$"retries={c.Retries}"], [$"flags={c.Flags}"], [$"status={c.Status}"],
        ],
        NvmeSq s => [[$"ctrl_id={s.ControllerId}"], [$"disk={s.Disk}"], [$"qid={s.QueueId}"], [$"sq_head={s.SqHead}"], [$"sq_tail={s.SqTail}"]],
        BlockRqIssue r =>
        [
            [$"{r.Device} {r.Rwbs} {r.Bytes} ("], [$") {r.Sector} + {r.SectorCount}"], [$"[{r.IssuingComm}]"],
            .. r.IoPriority is { } p ? new[] { new[] { PeerIoPriority(p) } } : [],
        ],
        BlockRqComplete r =>
        [
            [$"{r.Device} {r.Rwbs} ("], [$") {r.Sector} + {r.SectorCount}"], [$"[{r.Error}]"],
            .. r.IoPriority is { } p ? new[] { new[] { PeerIoPriority(p) } } : [],
        ],
        DmaMapSingle m =>
        [[$"{m.Device} dir={DirectionName(m.Direction)} dma_addr={Hex(m.DmaAddress)} size={m.Size} phys_addr={Hex(m.PhysAddress)} attrs={m.Attributes}"]],
        DmaUnmapSingle u => [[$"{u.Device} dir={DirectionName(u.Direction)} dma_addr={Hex(u.DmaAddress)} size={u.Size} attrs={u.Attributes}"]],
        DmaMapSg m =>
        [
            [$"device={m.Device}"], [$"full_nents={m.EntriesIn}"], [$"full_ents={m.EntriesMapped}"], [$"phys_addrs={ByteArray(m.PhysAddresses, 8)}"],
            [$"dma_addrs={ByteArray(m.DmaAddresses, 8)}"], [$"lengths={ByteArray(m.Sizes, 4)}"], [$"dir={(int)m.Direction}"],
            [$"attrs=0x{AttributeBits(m.Attributes):x}"],
        ],
        DmaUnmapSg u => [[$"device={u.Device}"], [$"addrs={ByteArray(u.PhysAddresses, 8)}"], [$"dir={(int)u.Direction}"], [$"attrs=0x{AttributeBits(u.Attributes):x}"]],
        SwiotlbMapEntry m =>
        [
            [$"dev={Hex0x(m.DevicePointer)}"], [$"orig={Hex0x(m.OriginalAddress)}"], [$"msize={Hex0x(m.MappingSize)}"], [$"dir={Hex0x((ulong)m.Direction)}"],
            .. Optional("asize", m.AllocSize), .. Optional("align", m.AllocAlignMask), .. Optional("attrs", m.Attributes), .. Optional("pool", m.PoolStart),
        ],
        SwiotlbMapReturn r => [[$"ret={Hex0x(r.ReturnValue)}", $"ret={r.ReturnValue}", $"ret={(long)r.ReturnValue}"]],
        SwiotlbUnmapEntry u =>
        [
            [$"dev={Hex0x(u.DevicePointer)}"], [$"tlb={Hex0x(u.BounceAddress)}"], [$"msize={Hex0x(u.MappingSize)}"], [$"dir={Hex0x((ulong)u.Direction)}"],
            .. Optional("asize", u.AllocSize), .. Optional("attrs", u.Attributes),
        ],
        _ => [],
    };

    /// <summary>True when <paramref name="token"/> occurs in the payload, not as part of a longer word or number.</summary>
    public static bool Contains(string payload, string token)
    {
        for (var at = payload.IndexOf(token, StringComparison.Ordinal); at >= 0; at = payload.IndexOf(token, at + 1, StringComparison.Ordinal))
        {
            var end = at + token.Length;
            var startsWord = at == 0 || payload[at - 1] == ' ' || !char.IsLetterOrDigit(token[0]);
            var endsWord = end == payload.Length || payload[end] == ' ' || !char.IsLetterOrDigit(token[^1]);
            if (startsWord && endsWord)
            {
                return true;
            }
        }

        return false;
    }

    private static string[][] Optional(string name, ulong? value) => value is { } v ? [[$"{name}={Hex0x(v)}"]] : [];

    private static string Hex(ulong value) => value.ToString("x", CultureInfo.InvariantCulture);
    private static string Hex0x(ulong value) => "0x" + Hex(value);

    private static string DirectionName(DmaDirection direction) => direction switch
    {
        DmaDirection.Bidirectional => "BIDIRECTIONAL",
        DmaDirection.ToDevice => "TO_DEVICE",
        DmaDirection.FromDevice => "FROM_DEVICE",
        _ => "NONE",
    };

    /// <summary>The peer cannot resolve IOPRIO_CLASS_* names and prints the class in hex: <c>be,0,4</c> → <c>0x2,0,4</c>.</summary>
    private static string PeerIoPriority(string priority)
    {
        var parts = priority.Split(',');
        var priorityClass = Array.IndexOf(["none", "rt", "be", "idle"], parts[0]);
        return $"0x{(priorityClass < 0 ? 7 : priorityClass):x},{parts[1]},{parts[2]}";
    }

    private static ulong AttributeBits(string names)
    {
        string[] flags = ["", "WEAK_ORDERING", "WRITE_COMBINE", "", "NO_KERNEL_MAPPING", "SKIP_CPU_SYNC", "FORCE_CONTIGUOUS", "ALLOC_SINGLE_PAGES", "NO_WARN", "PRIVILEGED"];
        return names.Split('|', StringSplitOptions.RemoveEmptyEntries).Aggregate(0UL, (bits, name) =>
            bits | (name.StartsWith("0x", StringComparison.Ordinal) ? ulong.Parse(name[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture) : 1UL << Array.IndexOf(flags, name)));
    }

    /// <summary>The peer's rendering of a raw array: its bytes in file order, <c>ARRAY[00, 72, ...]</c>.</summary>
    private static string ByteArray(ValueArray<ulong> values, int elementSize)
    {
        var bytes = values.SelectMany(v => BitConverter.GetBytes(v).Take(elementSize)).Select(b => b.ToString("x2", CultureInfo.InvariantCulture));
        return $"ARRAY[{string.Join(", ", bytes)}]";
    }

    /// <summary>cdw10 as the peer prints it: the bytes as <c>ARRAY[..]</c> (through NLB), or as text up to the first NUL when printable.</summary>
    private static string[] Cdw10Spellings(NvmeBlockRange range)
    {
        var bytes = new byte[24];
        BitConverter.GetBytes(range.StartLba).CopyTo(bytes, 0);
        BitConverter.GetBytes((ushort)(range.BlockCount - 1)).CopyTo(bytes, 8);
        var text = new string(bytes.TakeWhile(b => b != 0).Select(b => (char)b).ToArray());
        // The decoded range holds the SLBA and NLB (bytes 0–9); cdw12's upper half (bytes 10–11) carries control flags such as
        // FUA or PRINFO (fio's verify writes set them), which the range does not keep: the array is matched through NLB.
        var throughBlockCount = string.Join(", ", bytes.Take(10).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
        return [$"cdw10=ARRAY[{throughBlockCount},", $"cdw10={text}"];
    }
}
