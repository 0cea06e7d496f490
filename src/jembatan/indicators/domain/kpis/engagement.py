KPIS: list = []
