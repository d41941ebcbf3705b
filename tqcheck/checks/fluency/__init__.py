"""Fluency checks (FL…): defects visible in the target text alone."""
