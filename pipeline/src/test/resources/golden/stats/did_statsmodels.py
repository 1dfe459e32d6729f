# Cross-check of did_panel.R sections 1 and 5 with statsmodels.
# Run: /usr/bin/python3 pipeline/src/test/resources/golden/stats/did_statsmodels.py
# (Python 3, statsmodels 0.13.5, pandas, numpy)
import numpy as np, pandas as pd, statsmodels.formula.api as smf
y = [37.67, 34.04, 41.76, 33.08, 29.70, 34.61, 34.20, 29.98, 34.25, 37.06, 32.95, 33.59, 31.94,
     33.01, 32.65, 28.42, 44.79, 44.06, 42.95, 42.50, 41.46, 41.24, 38.72, 40.12, 44.74, 43.65,
     43.42, 40.23, 43.76, 45.69, 43.46, 42.23, 48.16, 47.64, 51.37, 45.91, 47.82, 48.88, 46.88,
     45.19, 35.28, 34.28, 36.48, 31.25, 33.61, 35.09, 35.58, 32.22, 38.76, 39.50, np.nan, 37.40,
     41.13, 40.46, 38.08, 40.51, 41.49, 39.80, 40.60, 38.74, 37.90, 40.32, 39.55, 36.90, 50.77,
     51.14, 50.22, 46.33, 49.37, 51.84, 49.18, 48.66, 36.10, 35.72, 39.21, 37.29, 35.82, 38.73,
     38.22, 35.67, 48.20, 47.27, 50.25, 46.73, 49.44, 48.81, 47.85, 48.62, 44.18, 39.18, 41.44,
     41.30, 41.98, 42.29, 43.77, 42.77]
adopt = {"U01": 4, "U02": 5, "U03": 6}
d = pd.DataFrame({"unit": np.repeat(["U%02d" % i for i in range(1, 13)], 8),
                  "period": np.tile(np.arange(1, 9), 12), "y": y})
d["D"] = [1.0 if u in adopt and p >= adopt[u] else 0.0 for u, p in zip(d.unit, d.period)]
d = d.dropna().reset_index(drop=True)
m = smf.ols("y ~ D + C(unit) + C(period)", data=d)
ols = m.fit()
cl = m.fit(cov_type="cluster", cov_kwds={"groups": pd.factorize(d.unit)[0]})
print("coef D", repr(ols.params["D"]))
print("conventional SE", repr(ols.bse["D"]))
print("cluster SE (cov_type='cluster')", repr(cl.bse["D"]))
