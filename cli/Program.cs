using Swiotlb.Trace.Cli;
using Swiotlb.Trace.Cli.Output;

var code = SwiotraceCommandLine.Run(args, Console.Out, new BestEffortWriter(Console.Error));
if (Environment.GetEnvironmentVariable("XGC") is not null)
    Console.Error.WriteLine($"gc0 {GC.CollectionCount(0)} gc1 {GC.CollectionCount(1)} gc2 {GC.CollectionCount(2)} alloc {GC.GetTotalAllocatedBytes() >> 20} MiB pause {GC.GetTotalPauseDuration().TotalMilliseconds} ms");
return code;
