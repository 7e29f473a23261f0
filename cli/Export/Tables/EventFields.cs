using System.Globalization;
using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Cli.Export.Tables;

/// <summary>
/// The payload of a typed event spread over the <c>events</c> table's shared columns: what most events have (device,
/// addresses, size, direction, NVMe and block fields) gets a typed column; the rest is <see cref="Details"/> text.
/// </summary>
public readonly record struct EventFields
{
    public string? Device { get; init; }
    public ulong? Address { get; init; }
    public ulong? BounceAddress { get; init; }
    public ulong? Size { get; init; }
    public string? Direction { get; init; }
    public int? QueueId { get; init; }
    public int? CommandId { get; init; }
    public int? Opcode { get; init; }
    public ulong? Lba { get; init; }
    public uint? Blocks { get; init; }
    public int? Status { get; init; }
    public ulong? Sector { get; init; }
    public uint? Sectors { get; init; }
    public string? Rwbs { get; init; }
    public string? Details { get; init; }

    public static EventFields Of(TraceEvent traceEvent) => traceEvent switch
    {
        SwiotlbBounced e => new() { Device = e.Device, Address = e.OriginalAddress, Size = e.Size, Details = string.Create(CultureInfo.InvariantCulture, $"dma_mask=0x{e.DmaMask:x} force={SnakeCase.Of(e.Force)}") },
        SwiotlbMapEntry e => new()
        {
            Address = e.OriginalAddress, Size = e.MappingSize, Direction = SnakeCase.Of(e.Direction),
            Details = string.Create(CultureInfo.InvariantCulture, $"probe={e.ProbeName} dev=0x{e.DevicePointer:x} asize={e.AllocSize} align={Hex(e.AllocAlignMask)} attrs={Hex(e.Attributes)} pool={Hex(e.PoolStart)}"),
        },
        SwiotlbMapReturn e => new() { BounceAddress = e.ReturnValue, Details = string.Create(CultureInfo.InvariantCulture, $"probe={e.ProbeName} failed={(e.Failed ? "true" : "false")}") },
        SwiotlbUnmapEntry e => new()
        {
            BounceAddress = e.BounceAddress, Size = e.MappingSize, Direction = SnakeCase.Of(e.Direction),
            Details = string.Create(CultureInfo.InvariantCulture, $"probe={e.ProbeName} dev=0x{e.DevicePointer:x} asize={e.AllocSize} attrs={Hex(e.Attributes)}"),
        },
        DmaMapSingle e => new() { Device = e.Device, Address = e.PhysAddress, BounceAddress = e.DmaAddress, Size = e.Size, Direction = SnakeCase.Of(e.Direction), Details = Attrs(e.Attributes) },
        DmaUnmapSingle e => new() { Device = e.Device, BounceAddress = e.DmaAddress, Size = e.Size, Direction = SnakeCase.Of(e.Direction), Details = Attrs(e.Attributes) },
        DmaMapSg e => new()
        {
            Device = e.Device, Direction = SnakeCase.Of(e.Direction),
            Details = string.Create(CultureInfo.InvariantCulture, $"nents={e.EntriesIn} ents={e.EntriesMapped}{(e.Truncated ? " [TRUNCATED]" : "")} dma_addrs={Hex(e.DmaAddresses)} sizes={e.Sizes} phys_addrs={Hex(e.PhysAddresses)} attrs={e.Attributes}"),
        },
        DmaMapSgError e => new() { Device = e.Device, Direction = SnakeCase.Of(e.Direction), Details = string.Create(CultureInfo.InvariantCulture, $"phys_addrs={Hex(e.PhysAddresses)} err={e.Error} attrs={e.Attributes}") },
        DmaUnmapSg e => new() { Device = e.Device, Direction = SnakeCase.Of(e.Direction), Details = string.Create(CultureInfo.InvariantCulture, $"phys_addrs={Hex(e.PhysAddresses)} attrs={e.Attributes}") },
        NvmeSetupCmd e => new()
        {
            Device = e.Disk, QueueId = e.QueueId, CommandId = e.CommandId, Opcode = e.Opcode, Lba = e.Range?.StartLba, Blocks = e.Range?.BlockCount,
            Details = string.Create(CultureInfo.InvariantCulture, $"ctrl={e.ControllerId} nsid={e.NamespaceId} flags=0x{e.Flags:x}"),
        },
        NvmeCompleteRq e => new()
        {
            Device = e.Disk, QueueId = e.QueueId, CommandId = e.CommandId, Status = e.Status,
            Details = string.Create(CultureInfo.InvariantCulture, $"ctrl={e.ControllerId} result={e.Result} retries={e.Retries} flags=0x{e.Flags:x}"),
        },
        NvmeSq e => new() { Device = e.Disk, QueueId = e.QueueId, Details = string.Create(CultureInfo.InvariantCulture, $"ctrl={e.ControllerId} sq_head={e.SqHead} sq_tail={e.SqTail}") },
        BlockRqIssue e => new()
        {
            Device = e.Device.ToString(), Size = e.Bytes, Sector = e.Sector, Sectors = e.SectorCount, Rwbs = e.Rwbs,
            Details = e.IoPriority is null ? $"comm={e.IssuingComm}" : $"comm={e.IssuingComm} ioprio={e.IoPriority}",
        },
        BlockRqComplete e => new()
        {
            Device = e.Device.ToString(), Sector = e.Sector, Sectors = e.SectorCount, Rwbs = e.Rwbs, Status = e.Error,
            Details = e.IoPriority is null ? null : $"ioprio={e.IoPriority}",
        },
        BlockTraceStep e => new() { Device = e.Device.ToString(), Sector = e.Sector, Size = e.Bytes, Rwbs = e.Rwbs, Details = string.Create(CultureInfo.InvariantCulture, $"action={e.Action} raw=0x{e.RawAction:x8}") },
        GenericEvent e => new() { Details = e.Payload },
        _ => new() { Details = traceEvent.ToString() },
    };

    private static string Hex(ulong? value) => value is { } v ? $"0x{v:x}" : "";

    private static string Hex(ValueArray<ulong> values) => "[" + string.Join(",", values.Select(v => $"0x{v:x}")) + "]";

    private static string? Attrs(string attributes) => attributes.Length == 0 ? null : $"attrs={attributes}";
}
