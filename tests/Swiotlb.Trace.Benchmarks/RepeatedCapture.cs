using Swiotlb.Trace.Cli.Input;
using Swiotlb.Trace.Events;
using Swiotlb.Trace.Replay.Allocator;
using Swiotlb.Trace.Tests.TraceDat.Writing;

namespace Swiotlb.Trace.Benchmarks;

/// <summary>
/// A large capture with a real capture's event mix: the template's events (bounces, probes, NVMe and block events, as
/// its kernel emitted them) played again and again, each repetition after the last. The first repetition is the
/// template as recorded; in the later ones every bounce address is the one the template's kernel would have returned
/// then (its allocator model, fed every earlier answer), so the capture stays self-consistent as a real one is and
/// <c>validate</c> has the kernel's answers to check. Mappings the template never unmaps (and their bounces), and unmaps
/// of mappings made before it began, appear in the first repetition only.
/// </summary>
internal sealed class RepeatedCapture
{
    private const long GapNs = 1_000_000;
    private const ulong MappingError = ulong.MaxValue;

    private readonly List<TraceEvent> _template;
    private readonly HashSet<int> _firstOnly;
    private readonly Dictionary<ulong, DeviceDmaParameters> _devices;
    private readonly PoolGeometry _pool;
    private readonly KernelGeneration _generation;
    private readonly long _period;

    private RepeatedCapture(List<TraceEvent> template, KernelGeneration generation, PoolGeometry pool)
    {
        _template = template;
        _generation = generation;
        _pool = pool;
        _devices = DevicesByPointer(template);
        _firstOnly = EventsOfUnfinishedMappings(template);
        _period = template[^1].Header.TimestampNs - template[0].Header.TimestampNs + GapNs;
    }

    /// <summary>Writes <paramref name="repetitions"/> repetitions of the capture folder <paramref name="templateFolder"/>'s
    /// trace.dat as a capture folder (trace.dat, and the template's uname.txt and dmesg.txt).</summary>
    public static int Write(string templateFolder, string outputFolder, int repetitions, TraceDatFileKind kind)
    {
        List<TraceEvent> template;
        using (var reader = CaptureOpener.Open(templateFolder, TextWriter.Null))
            template = [.. reader.ReadEvents()];
        var firstMap = template.OfType<SwiotlbMapEntry>().First(m => m.PoolStart is not null);
        var release = File.ReadAllText(Path.Combine(templateFolder, "uname.txt")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[2];
        int cpus = template.Max(e => e.Header.Cpu) + 1;
        var capture = new RepeatedCapture(template, ModelRegistry.Resolve(release, "template kernel"),
            new PoolGeometry(firstMap.PoolStart!.Value, PoolGeometry.DefaultSlotCount, cpus));

        Directory.CreateDirectory(outputFolder);
        foreach (var sibling in new[] { "uname.txt", "dmesg.txt" })
            File.Copy(Path.Combine(templateFolder, sibling), Path.Combine(outputFolder, sibling), overwrite: true);
        var tasks = template.GroupBy(e => e.Header.Pid).ToDictionary(g => g.Key, g => g.First().Header.Comm);
        var path = Path.Combine(outputFolder, "trace.dat");
        using (var file = File.Create(path))
            TraceDatWriter.Write(file, kind, Enumerable.Range(0, cpus).Select(cpu => capture.Events(repetitions, cpu)).ToList(), tasks);
        Console.WriteLine($"{path}: {new FileInfo(path).Length:N0} bytes, {repetitions} repetitions of {template.Count:N0} events");
        return 0;
    }

    /// <summary>The events of <paramref name="cpu"/>, in order; the whole capture is generated to know them, since
    /// every CPU's mappings share the pool.</summary>
    private IEnumerable<TraceEvent> Events(int repetitions, int cpu)
    {
        var model = ModelRegistry.Create(_generation.Name, _pool);
        for (var repetition = 0; repetition < repetitions; repetition++)
        {
            var played = new Repetition(this, model, repetition);
            for (var index = 0; index < _template.Count; index++)
            {
                if (repetition > 0 && _firstOnly.Contains(index))
                    continue;
                var e = played.Play(index);
                if (e.Header.Cpu == cpu)
                    yield return e;
            }

            played.ReleaseUnfinished();
        }
    }

    /// <summary>One playing of the template: its mappings' bounce addresses as the model answers them.</summary>
    private sealed class Repetition(RepeatedCapture capture, IAllocatorModel model, int number)
    {
        private readonly Dictionary<int, Stack<MapRequest>> _entriesByCpu = [];
        private readonly Dictionary<ulong, (ulong Bounce, MapRequest Request)> _liveByTemplateBounce = [];

        public TraceEvent Play(int index)
        {
            var e = capture._template[index];
            var header = e.Header with { TimestampNs = e.Header.TimestampNs + number * capture._period };
            return e switch
            {
                SwiotlbMapEntry m => Enter(m) with { Header = header },
                SwiotlbMapReturn r => r with { Header = header, ReturnValue = Return(r) },
                SwiotlbUnmapEntry u => u with { Header = header, BounceAddress = Unmap(u) },
                _ => e with { Header = header },
            };
        }

        /// <summary>Frees what the template never unmaps: its kernel did, after the capture ended or with the probe's
        /// hit lost (the next repetition leaves such mappings out).</summary>
        public void ReleaseUnfinished()
        {
            foreach (var (bounce, request) in _liveByTemplateBounce.Values)
                model.Unmap(UnmapRequest.Releasing(request, bounce));
        }

        private SwiotlbMapEntry Enter(SwiotlbMapEntry m)
        {
            var device = capture._devices.GetValueOrDefault(m.DevicePointer, DeviceDmaParameters.WithoutMinAlignMask);
            var request = new MapRequest(m.OriginalAddress, m.MappingSize, m.AllocSize ?? m.MappingSize, device, m.Header.Cpu,
                m.AllocAlignMask ?? 0, m.Direction);
            if (!_entriesByCpu.TryGetValue(m.Header.Cpu, out var entries))
                _entriesByCpu[m.Header.Cpu] = entries = new Stack<MapRequest>();
            entries.Push(request);
            return m;
        }

        private ulong Return(SwiotlbMapReturn r)
        {
            if (!_entriesByCpu.TryGetValue(r.Header.Cpu, out var entries) || !entries.TryPop(out var request))
                return r.ReturnValue;
            ulong bounce;
            if (number == 0)
            {
                bounce = r.ReturnValue;
                if (bounce != MappingError && model.TryLocate(request, bounce, out var allocation) && model.IsFree(allocation))
                    model.Apply(request, allocation);
            }
            else
            {
                var result = model.Map(request);
                bounce = result.IsMapped ? result.Allocation.BounceAddress : MappingError;
            }

            if (bounce != MappingError)
                _liveByTemplateBounce[r.ReturnValue] = (bounce, request);
            return bounce;
        }

        private ulong Unmap(SwiotlbUnmapEntry u)
        {
            if (!_liveByTemplateBounce.Remove(u.BounceAddress, out var live))
                return u.BounceAddress;
            model.Unmap(UnmapRequest.Releasing(live.Request, live.Bounce));
            return live.Bounce;
        }
    }

    /// <summary>min_align_mask per <c>struct device</c> pointer: a device whose every bounce kept the buffer's offset in
    /// its page is taken as setting 0xfff (NVMe), any other as setting none.</summary>
    private static Dictionary<ulong, DeviceDmaParameters> DevicesByPointer(List<TraceEvent> template)
    {
        var keepsOffsets = new Dictionary<ulong, bool>();
        var entries = new Dictionary<int, Stack<SwiotlbMapEntry>>();
        foreach (var e in template)
        {
            if (e is SwiotlbMapEntry m)
            {
                if (!entries.TryGetValue(m.Header.Cpu, out var stack))
                    entries[m.Header.Cpu] = stack = new Stack<SwiotlbMapEntry>();
                stack.Push(m);
            }
            else if (e is SwiotlbMapReturn r && entries.TryGetValue(r.Header.Cpu, out var open) && open.TryPop(out var entry)
                     && r.ReturnValue != MappingError)
            {
                var kept = ((r.ReturnValue ^ entry.OriginalAddress) & DeviceDmaParameters.NvmeMinAlignMask) == 0;
                keepsOffsets[entry.DevicePointer] = keepsOffsets.GetValueOrDefault(entry.DevicePointer, true) && kept;
            }
        }

        return keepsOffsets.ToDictionary(p => p.Key, p => p.Value ? DeviceDmaParameters.Nvme : DeviceDmaParameters.WithoutMinAlignMask);
    }

    /// <summary>Indices of the template's map probes (entry, return and the bounce just before on that CPU) whose mapping
    /// it never unmaps, and of unmaps whose mapping it never shows.</summary>
    private static HashSet<int> EventsOfUnfinishedMappings(List<TraceEvent> template)
    {
        var firstOnly = new HashSet<int>();
        var open = new Dictionary<int, Stack<int>>();
        var live = new Dictionary<ulong, List<int>>();
        var lastBounceByCpu = new Dictionary<int, int>();
        for (var index = 0; index < template.Count; index++)
        {
            var e = template[index];
            var cpu = e.Header.Cpu;
            switch (e)
            {
                case SwiotlbBounced:
                    lastBounceByCpu[cpu] = index;
                    break;
                case SwiotlbMapEntry:
                    if (!open.TryGetValue(cpu, out var stack))
                        open[cpu] = stack = new Stack<int>();
                    stack.Push(index);
                    break;
                case SwiotlbMapReturn r when open.TryGetValue(cpu, out var entries) && entries.TryPop(out var entry):
                    List<int> mapping = [entry, index];
                    if (lastBounceByCpu.Remove(cpu, out var bounce))
                        mapping.Add(bounce);
                    if (r.ReturnValue == MappingError)
                        break;
                    live[r.ReturnValue] = mapping;
                    break;
                case SwiotlbUnmapEntry u:
                    if (!live.Remove(u.BounceAddress))
                        firstOnly.Add(index);
                    break;
            }
        }

        foreach (var mapping in live.Values)
            firstOnly.UnionWith(mapping);
        return firstOnly;
    }
}
