using Swiotlb.Trace.Events;

namespace Swiotlb.Trace.Replay.Pairing;

/// <summary>
/// Groups mappings into the NVMe commands they carry. The driver builds a command (<c>nvme_setup_cmd</c>), maps its data
/// on the same CPU, then starts the request (<c>block_rq_issue</c>); the command ends at its <c>nvme_complete_rq</c>
/// (same controller, queue and tag). A mapping on a CPU whose command is being built belongs to it, unless it
/// is for another device than the controller's. Which PCI device is the controller is learnt from the first command whose
/// segments of one device add up to the bytes its <c>block_rq_issue</c> reports. Memory: the commands in flight.
/// </summary>
public sealed class NvmeCommandTracker
{
    /// <summary><c>NVME_MAX_SEGS</c>: the driver maps at most this many segments per command; later mappings on the CPU are not its.</summary>
    public const int MaxSegments = 128;

    private readonly Dictionary<int, OpenCommand> _buildingByCpu = [];
    private readonly Dictionary<(int Controller, int Queue, ushort Command), OpenCommand> _inFlight = [];
    private readonly Dictionary<int, string> _deviceByController = [];
    private readonly HashSet<int> _cpusWithSetups = [];
    private readonly Dictionary<string, ulong> _blockSizeByDisk = [];

    /// <summary>Commands still in flight (built, not completed).</summary>
    public int InFlight => _inFlight.Count;

    /// <summary>Feeds a command's setup; returns a command of the same queue and id that never completed, superseded now.</summary>
    public NvmeCommand? Setup(NvmeSetupCmd setup)
    {
        var command = new OpenCommand(setup);
        _buildingByCpu[setup.Header.Cpu] = command;
        _cpusWithSetups.Add(setup.Header.Cpu);
        var key = Key(setup.ControllerId, setup.QueueId, setup.CommandId);
        var superseded = _inFlight.Remove(key, out var stale)
            ? Close(stale, null) with { Resubmitted = stale.Setup.Opcode == setup.Opcode && stale.Setup.Range == setup.Range }
            : null;
        _inFlight[key] = command;
        return superseded;
    }

    /// <summary>Offers a mapping made on <paramref name="cpu"/>; true when it is taken as a segment of the command being built there.</summary>
    public bool TryAttach(int cpu, string device, int mappingId, ulong size)
    {
        if (!_buildingByCpu.TryGetValue(cpu, out var command))
            return false;
        if (DeviceOf(command.Setup.ControllerId) is { } known && known != device || command.Segments.Count >= MaxSegments)
            return false;
        command.Segments.Add(new Segment(mappingId, device, size));
        return true;
    }

    /// <summary>True while a command is being built on <paramref name="cpu"/> (between its setup and its request's issue).</summary>
    public bool IsBuilding(int cpu) => _buildingByCpu.ContainsKey(cpu);

    /// <summary>True once a command has been set up on <paramref name="cpu"/>: before that, a capture that began
    /// mid-life may be inside a command whose setup it lost, so a mapping there proves nothing.</summary>
    public bool HasSeenSetupOn(int cpu) => _cpusWithSetups.Contains(cpu);

    /// <summary>The request started: the command being built on this CPU takes no more segments.</summary>
    /// <returns>The PCI device this issue has just shown to be the controller, or null.</returns>
    public string? Issued(BlockRqIssue issue)
    {
        if (!_buildingByCpu.Remove(issue.Header.Cpu, out var command))
            return null;
        command.IssuedBytes = issue.Bytes;
        if (command.Setup.Range is { BlockCount: > 0 } range && issue.Bytes % range.BlockCount == 0)
            _blockSizeByDisk[command.Setup.Disk] = issue.Bytes / range.BlockCount;
        if (DeviceOf(command.Setup.ControllerId) is not null)
            return null;
        var carrier = command.Segments.GroupBy(s => s.Device)
            .Where(g => g.Aggregate(0UL, (sum, s) => sum + s.Size) == issue.Bytes)
            .Select(g => g.Key).ToList();
        if (carrier.Count != 1)
            return null;
        _deviceByController[Math.Max(command.Setup.ControllerId, 0)] = carrier[0];
        return carrier[0];
    }

    /// <summary>Feeds a completion; returns the command it completes, or null when its setup is not in the capture.</summary>
    public NvmeCommand? Complete(NvmeCompleteRq completion)
    {
        if (!_inFlight.Remove(Key(completion.ControllerId, completion.QueueId, completion.CommandId), out var command))
            return null;
        var cpu = command.Setup.Header.Cpu;
        if (_buildingByCpu.TryGetValue(cpu, out var building) && ReferenceEquals(building, command))
            _buildingByCpu.Remove(cpu);
        return Close(command, completion);
    }

    /// <summary>Commands the capture never completed, at its end.</summary>
    public IEnumerable<NvmeCommand> Unfinished() => _inFlight.Values.Select(c => Close(c, null));

    /// <summary>Which PCI device carries this controller's commands, once a command has shown it.</summary>
    public string? DeviceOf(int controller) => _deviceByController.GetValueOrDefault(Math.Max(controller, 0));

    private NvmeCommand Close(OpenCommand command, NvmeCompleteRq? completion)
    {
        var device = DeviceOf(command.Setup.ControllerId) ?? command.Segments.FirstOrDefault()?.Device ?? "";
        var segments = new List<int>(command.Segments.Count);
        foreach (var segment in command.Segments)
            if (segment.Device == device)
                segments.Add(segment.MappingId);
        return new NvmeCommand(command.Setup, device, segments, completion, PayloadOf(command));
    }

    /// <summary>
    /// Commands match by controller, queue and tag: the low 12 bits of the command id. The upper 4 bits are the
    /// generation counter (5.10.x+), which some kernels' completion events leave out (Debian 5.10: setup 4480, completion 384).
    /// </summary>
    private static (int, int, ushort) Key(int controller, int queue, ushort command) => (Math.Max(controller, 0), queue, (ushort)(command & 0x0fff));

    private ulong? PayloadOf(OpenCommand command) =>
        command.IssuedBytes ?? (command.Setup.Range is { } range && _blockSizeByDisk.TryGetValue(command.Setup.Disk, out var blockSize)
            ? range.BlockCount * blockSize
            : null);

    private sealed record Segment(int MappingId, string Device, ulong Size);

    private sealed class OpenCommand(NvmeSetupCmd setup)
    {
        public NvmeSetupCmd Setup { get; } = setup;
        public List<Segment> Segments { get; } = [];
        public ulong? IssuedBytes { get; set; }
    }
}
