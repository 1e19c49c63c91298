using Accrue.Portal.Benchmarks;

return await PerformanceCheck.RunAsync(args);
