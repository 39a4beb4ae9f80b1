"""Pure computations: budget figures, performance, the plan, the review."""
