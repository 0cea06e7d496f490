"""The demo data set of `jembatan demo`: Indonesian IKM and Japanese SMEs with contacts,
certifications, codes and one user for each role. Deterministic: a fixed seed."""
