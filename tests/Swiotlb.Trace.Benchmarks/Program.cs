using BenchmarkDotNet.Running;
using Swiotlb.Trace.Benchmarks;

return args switch
{
    ["tracedat-write", var path, var gib] => TraceDatLargeFile.Write(path, double.Parse(gib, System.Globalization.CultureInfo.InvariantCulture)),
    ["tracedat-read", var path] => TraceDatLargeFile.Read(path),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(TraceDatLargeFile).Assembly).Run(args);
    return 0;
}
