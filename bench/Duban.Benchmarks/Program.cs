using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Duban.Benchmarks.ParseBenchmarks).Assembly).Run(args);
