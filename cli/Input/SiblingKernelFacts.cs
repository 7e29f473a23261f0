using Swiotlb.Trace.Capture;

namespace Swiotlb.Trace.Cli.Input;

/// <summary>Kernel facts from the files a capture tool leaves beside the trace: <c>uname.txt</c> and <c>dmesg.txt</c>.</summary>
public static class SiblingKernelFacts
{
    public static KernelFacts Read(string capturePath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(capturePath)) ?? ".";
        var uname = Path.Combine(folder, "uname.txt");
        var dmesg = Path.Combine(folder, "dmesg.txt");
        var fromUname = File.Exists(uname) ? KernelFactsReader.FromUname([.. File.ReadLines(uname).Take(3)]) : KernelFacts.None;
        var fromDmesg = File.Exists(dmesg) ? KernelFactsReader.FromLog(File.ReadLines(dmesg)) : KernelFacts.None;
        return fromUname.Or(fromDmesg);
    }
}
