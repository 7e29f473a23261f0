using Swiotlb.Trace.Capture;

namespace Swiotlb.Trace.Cli.Input;

/// <summary>
/// Kernel facts from the files a capture tool leaves beside the trace: <c>uname.txt</c> and <c>dmesg.txt</c>, in the
/// capture's folder (the directory itself when a capture directory is named) or, for captures kept in a subfolder of
/// their own (blktrace's <c>blk/</c>), the folder above. Standard input has no siblings.
/// </summary>
public static class SiblingKernelFacts
{
    /// <summary>swiotlb's debugfs folder has a handful of files: more lines are not a counter dump.</summary>
    private const int MaxDebugfsLines = 64;

    public static KernelFacts Read(string capturePath)
    {
        if (CapturePath.SiblingFolder(capturePath) is not { } folder)
            return KernelFacts.None;
        var facts = InFolder(folder);
        return facts == KernelFacts.None && Path.GetDirectoryName(folder) is { } parent ? InFolder(parent) : facts;
    }

    private static KernelFacts InFolder(string folder)
    {
        var uname = Path.Combine(folder, "uname.txt");
        var dmesg = Path.Combine(folder, "dmesg.txt");
        if (!File.Exists(uname) && !File.Exists(dmesg))
            return KernelFacts.None;
        var fromUname = File.Exists(uname) ? KernelFactsReader.FromUname([.. File.ReadLines(uname).Take(3)]) : KernelFacts.None;
        var fromDmesg = File.Exists(dmesg) ? KernelFactsReader.FromLog(File.ReadLines(dmesg)) : KernelFacts.None;
        var debugfs = Path.Combine(folder, "swiotlb-debugfs.txt");
        var counters = File.Exists(debugfs) ? SwiotlbCounters.Parse(File.ReadLines(debugfs).Take(MaxDebugfsLines)) : null;
        return fromUname.Or(fromDmesg) with { Debugfs = counters };
    }
}
