using BenchmarkDotNet.Running;
using Swiotlb.Trace.Benchmarks;
using Swiotlb.Trace.Tests.TraceDat.Writing;

return args switch
{
    ["tracedat-write", var path, var gib] => TraceDatLargeFile.Write(path, double.Parse(gib, System.Globalization.CultureInfo.InvariantCulture)),
    ["tracedat-read", var path] => TraceDatLargeFile.Read(path),
    ["tracedat-walk", var path] => PageWalker.Walk(path),
    ["capture-write", var template, var output, var repetitions, var kind] =>
        RepeatedCapture.Write(template, output, int.Parse(repetitions, System.Globalization.CultureInfo.InvariantCulture), Enum.Parse<TraceDatFileKind>(kind, ignoreCase: true)),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(TraceDatLargeFile).Assembly).Run(args);
    return 0;
}
