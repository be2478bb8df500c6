"""The osintparse benchmark: ``python -m benchmarks`` from the repository root."""
