# Cross-check of its.R with statsmodels. Run: /usr/bin/python3 its_statsmodels.py  (statsmodels 0.13.5)
import numpy as np, statsmodels.api as sm
y = np.array([20.54, 19.83, 20.63, 21.02, 21.61, 21.89, 21.32, 21.85, 22.65, 22.34, 22.95, 23.71, 20.85,
              22.45, 22.87, 21.44, 22.10, 21.67, 21.69, 22.76, 21.82, 22.56, 23.13, 22.02])
t = np.arange(1, 25); D = (t >= 13).astype(float); ts = np.where(t >= 13, t - 12, 0)
X = sm.add_constant(np.column_stack([t, D, ts]).astype(float))
for corr in (True, False):
    r = sm.OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags": 2, "use_correction": corr})
    print("HAC maxlags=2 use_correction=%s" % corr, repr(r.bse))
r = sm.OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags": 2})
print("HAC maxlags=2 default", repr(r.bse))
from statsmodels.stats.stattools import durbin_watson
print("DW", repr(durbin_watson(sm.OLS(y, X).fit().resid)))
