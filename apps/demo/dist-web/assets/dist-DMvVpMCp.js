import{$ as e,$t as t,An as n,Ar as r,Bn as i,Br as a,Bt as o,C as s,Ci as c,Cn as l,Cr as u,Ct as d,Dn as f,Dr as p,Dt as m,En as h,Er as g,Et as _,Fn as v,Ft as y,Gn as b,Gr as x,Hn as S,Hr as C,Ht as w,In as T,Ir as E,It as D,Jn as O,Jr as k,Jt as A,Kn as j,Kr as M,Ln as ee,Lr as N,Lt as P,M as te,Mn as ne,Mr as re,Mt as ie,Nn as ae,Nr as oe,On as F,Or as I,Ot as se,P as ce,Pn as le,Pr as ue,Pt as L,Qr as de,R as fe,Rn as pe,Rr as R,Rt as me,S as he,Sn as ge,Sr as _e,St as ve,Tn as ye,Tr as be,Tt as xe,Un as z,Ur as Se,Ut as Ce,Vn as we,Vr as Te,Vt as Ee,Wn as De,Wr as Oe,Wt as ke,Xn as B,Xr as Ae,Xt as je,Yn as Me,Yt as Ne,Zr as Pe,_n as Fe,_r as Ie,_t as Le,an as Re,ar as ze,at as Be,b as Ve,bi as V,bn as He,br as H,bt as Ue,c as U,cn as We,cr as Ge,ct as Ke,d as qe,dn as Je,dr as Ye,dt as Xe,ei as W,en as Ze,er as Qe,et as $e,f as et,fi as tt,fn as nt,fr as rt,ft as it,gr as at,gt as ot,h as st,hn as ct,hr as lt,ht as ut,ii as dt,in as ft,ir as pt,jn as mt,jr as ht,jt as gt,kn as _t,kr as vt,l as G,ln as yt,lr as bt,lt as xt,mr as St,mt as Ct,nn as wt,nr as Tt,oi as K,on as Et,or as Dt,p as Ot,pi as kt,pn as At,pr as jt,pt as Mt,qn as Nt,qr as Pt,qt as Ft,ri as It,rn as Lt,rr as Rt,sn as zt,sr as Bt,st as Vt,tn as Ht,u as Ut,un as Wt,ur as Gt,ut as Kt,v as qt,vn as Jt,vr as Yt,vt as Xt,w as Zt,wi as Qt,wn as $t,wr as en,wt as tn,x as nn,xn as rn,xr as an,xt as on,y as sn,yi as cn,yn as ln,yr as un,yt as dn,zn as fn,zr as pn,zt as mn}from"./dist-B34vGpj8.js";import{A as hn,B as gn,C as _n,D as vn,E as yn,F as bn,I as xn,L as Sn,M as Cn,N as wn,O as Tn,P as En,R as Dn,S as On,T as kn,V as An,_ as jn,b as Mn,c as Nn,d as Pn,g as Fn,h as In,i as Ln,j as Rn,k as zn,l as Bn,m as Vn,n as Hn,p as Un,r as Wn,s as Gn,t as Kn,v as qn,w as Jn,x as Yn,y as Xn,z as Zn}from"./Unique_impl-MzWhmBLt.js";import{n as Qn,r as $n,t as er}from"./__vite-browser-external-CVAdPOb5.js";import{s as tr}from"./worker-CP8h-wRa.js";
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
var q;(function(e){e[e.float32=0]=`float32`,e[e.int32=1]=`int32`,e[e.bool=2]=`bool`,e[e.string=3]=`string`,e[e.complex64=4]=`complex64`})(q||={});var nr;(function(e){e[e.linear=0]=`linear`,e[e.relu=1]=`relu`,e[e.relu6=2]=`relu6`,e[e.prelu=3]=`prelu`,e[e.leakyrelu=4]=`leakyrelu`,e[e.sigmoid=5]=`sigmoid`,e[e.elu=6]=`elu`})(nr||={});
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let rr;function ir(e){rr=e.wasm.cwrap(Pe,null,[`number`,`array`,`number`,`number`,`array`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`])}function ar(e){let{inputs:t,backend:n,attrs:r}=e,{a:i,b:a,bias:o,preluActivationWeights:s}=t;if(i.dtype!==`float32`||a.dtype!==`float32`)throw Error(`_FusedMatMul for non non-float32 tensors not yet supported.`);let{transposeA:c,transposeB:l,activation:u,leakyreluAlpha:d}=r,f=n.dataIdMap.get(i.dataId).id,p=n.dataIdMap.get(a.dataId).id,m=0;if(o!=null){let e=n.dataIdMap.get(o.dataId);if(e.shape.length!==1)throw Error(`_FusedMatMul only supports rank-1 bias but got rank ${e.shape.length}.`);m=e.id}let h=s==null?0:n.dataIdMap.get(s.dataId).id,g=nr[u];if(g==null)throw Error(`${u} activation not yet supported for FusedConv2D in the wasm backend.`);let _=c?i.shape[2]:i.shape[1],v=l?a.shape[1]:a.shape[2],y=st(i.shape.slice(0,-2),a.shape.slice(0,-2)),b=n.makeOutput([...y,_,v],i.dtype),x=n.dataIdMap.get(b.dataId).id,S=new Uint8Array(new Int32Array(i.shape).buffer),C=new Uint8Array(new Int32Array(a.shape).buffer);return rr(f,S,i.shape.length,p,C,a.shape.length,c,l,g,m,h,d||0,x),b}const or={kernelName:Pe,backendName:`wasm`,setupFunc:ir,kernelFunc:ar};
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
function J(e,t){let n;function r(t){n=t.wasm.cwrap(e,null,[`number`,`number`,`number`])}function i(e){let{backend:r,inputs:{x:i}}=e,a=r.dataIdMap.get(i.dataId).id,o=r.makeOutput(i.shape,t||i.dtype),s=r.dataIdMap.get(o.dataId).id;return V(o.shape)===0||n(a,q[i.dtype],s),o}return{kernelName:e,backendName:`wasm`,setupFunc:r,kernelFunc:i}}
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
const sr=J(`Abs`),cr=J(Vt),lr=J(Ke)
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
;
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
function Y(e,t,n){let r;function i(t){r=t.wasm.cwrap(e,null,[`number`,`array`,`number`,`number`,`array`,`number`,`number`,`number`])}function a(e){let{backend:t,inputs:i}=e,{a,b:o}=i,s=t.dataIdMap.get(a.dataId).id,c=t.dataIdMap.get(o.dataId).id,l=n??a.dtype,u=st(a.shape,o.shape),d=t.makeOutput(u,l);if(V(u)===0)return d;let f=new Uint8Array(new Int32Array(a.shape).buffer),p=new Uint8Array(new Int32Array(o.shape).buffer),m=t.dataIdMap.get(d.dataId).id;return r(s,f,a.shape.length,c,p,o.shape.length,q[a.dtype],m),d}return{kernelName:e,backendName:`wasm`,setupFunc:i,kernelFunc:a}}
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
const ur=Y(`Add`,!0);
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let dr;function fr(e){dr=e.wasm.cwrap(xt,null,[`array`,`number`,`number`,`number`])}function pr(e){let{inputs:t,backend:n}=e,r=n.makeOutput(t[0].shape,t[0].dtype);if(V(r.shape)===0)return r;let i=t.map(e=>n.dataIdMap.get(e.dataId).id),a=new Uint8Array(new Int32Array(i).buffer),o=n.dataIdMap.get(r.dataId).id;return dr(a,i.length,q[r.dtype],o),r}const mr={kernelName:xt,backendName:`wasm`,setupFunc:fr,kernelFunc:pr};
/**
* @license
* Copyright 2020 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
function hr(e){let{inputs:{x:t},backend:n}=e;if(t.dtype===`string`)return tr(n.readSync(t.dataId),t.shape,t.dtype);let r=n.makeOutput(t.shape,t.dtype),i=n.typedArrayFromHeap(t);return n.typedArrayFromHeap(r).set(i),r}const gr={kernelName:ct,backendName:`wasm`,kernelFunc:hr};
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let _r;function vr(e){_r=e.wasm.cwrap(M,null,[`number`,`array`,`number`,`number`,`number`,`array`,`number`])}function X(e){let{inputs:t,backend:n,attrs:r}=e,[i,a]=br(t.x.shape,r.perm),o=!0;for(let e=0;e<a.length;e++)a[e]!==e&&(o=!1);let s=yr(t.x.shape,r.perm),c={dataId:t.x.dataId,shape:i,dtype:t.x.dtype};if(o){let e=hr({inputs:t,backend:n});return e.shape=s,e}let l=n.makeOutput(s,c.dtype),u=n.dataIdMap.get(c.dataId).id,d=n.dataIdMap.get(l.dataId).id,f=new Uint8Array(new Int32Array(a).buffer),p=new Uint8Array(new Int32Array(c.shape).buffer);return _r(u,p,c.shape.length,q[c.dtype],d,f,a.length),l}function yr(e,t){let n=Array(e.length);for(let r=0;r<n.length;r++)n[r]=e[t[r]];return n}function br(e,t){let n=[],r=[];for(let i=0;i<e.length;++i)e[i]!==1&&n.push(e[i]),e[t[i]]!==1&&r.push(t[i]);for(let e=0;e<r.length;++e){let t=-1;for(let n=0;n<r.length;++n)r[n]>=e&&(t===-1||r[t]>r[n])&&(t=n);r[t]=e}return[n,r]}const xr={kernelName:M,backendName:`wasm`,kernelFunc:X,setupFunc:vr};
/**
* @license
* Copyright 2020 Google Inc. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
function Z(e,t,n){let r=e.shape,i=e.shape.length,a=cn(t,r),o=a,s=qe(o,i),c=null,l=!1;if(s!=null){let t=Array(i);for(let e=0;e<t.length;e++)t[e]=r[s[e]];o=et(o.length,i),c=X({inputs:{x:e},attrs:{perm:s},backend:n});let a=n.dataIdMap.get(e.dataId).id;n.dataIdMap.get(c.dataId).id!==a&&(l=!0)}return{transposed:c,originalAxes:a,axes:o,inputWasTransposed:l}}
/**
* @license
* Copyright 2021 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let Sr;function Cr(e){Sr=e.wasm.cwrap(`All`,null,[`number, number, number`])}function wr(e){let{backend:t,inputs:n,attrs:r}=e,{axis:i,keepDims:a}=r,{x:o}=n,s=t.dataIdMap.get(o.dataId).id,c=o,{transposed:l,axes:u,originalAxes:d,inputWasTransposed:f}=Z(o,i,t);if(f){let e=t.dataIdMap.get(l.dataId).id;c=l,s=e}let p=c.shape.length;U(`all`,u,p);let[m,h]=G(c.shape,u),g=V(h),_=t.makeOutput(m,o.dtype);if(V(c.shape)!==0){let e=t.dataIdMap.get(_.dataId).id;Sr(s,g,e)}return f&&t.disposeData(l.dataId),a&&(_.shape=Ut(_.shape,d)),_}const Tr={kernelName:`All`,backendName:`wasm`,setupFunc:Cr,kernelFunc:wr};
/**
* @license
* Copyright 2021 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let Er;function Dr(e){Er=e.wasm.cwrap(`Any`,null,[`number, number, number`])}function Or(e){let{backend:t,inputs:n,attrs:r}=e,{axis:i,keepDims:a}=r,{x:o}=n,s=t.dataIdMap.get(o.dataId).id,c=o,{transposed:l,axes:u,originalAxes:d,inputWasTransposed:f}=Z(o,i,t);if(f){let e=t.dataIdMap.get(l.dataId).id;c=l,s=e}let p=c.shape.length;U(`any`,u,p);let[m,h]=G(c.shape,u),g=V(h),_=t.makeOutput(m,o.dtype);if(V(c.shape)!==0){let e=t.dataIdMap.get(_.dataId).id;Er(s,g,e)}return f&&t.disposeData(l.dataId),a&&(_.shape=Ut(_.shape,d)),_}const kr={kernelName:`Any`,backendName:`wasm`,setupFunc:Dr,kernelFunc:Or};
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
function Ar(e){let t;function n(n){t=n.wasm.cwrap(e,null,[`number`,`number`,`number`,`number`,`number`])}function r(e){let{backend:n,inputs:r,attrs:i}=e,{axis:a}=i,{x:o}=r,s=n.dataIdMap.get(o.dataId).id,c=s,l=o,{transposed:u,axes:d,inputWasTransposed:f}=Z(o,a,n);if(f){let e=n.dataIdMap.get(u.dataId).id;e!==s&&(l=u,c=e)}let p=l.shape.slice(0,-1),m=n.makeOutput(p,`int32`),h=n.dataIdMap.get(m.dataId).id,g=V(m.shape),_=l.shape[d[0]];return t(c,q[l.dtype],g,_,h),f&&n.disposeData(u.dataId),m}return{kernelName:e,backendName:`wasm`,setupFunc:n,kernelFunc:r}}
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
const jr=Ar(Kt),Mr=Ar(Xe),Nr=J(it),Pr=J(Mt),Fr=J(Ct),Ir=Y(ut,!1),Lr=J(ot)
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
;
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let Rr;function zr(e){Rr=e.wasm.cwrap(Le,null,[`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`])}function Br(e){let{inputs:t,attrs:n,backend:r}=e,i=t.x,a=r.dataIdMap.get(i.dataId).id,{filterSize:o,strides:s,pad:c,dimRoundingMode:l}=n,u=nn(i.shape,o,s,1,c,l),d=u.filterHeight,f=u.filterWidth,p=u.padInfo.top,m=u.padInfo.right,h=u.padInfo.bottom,g=u.padInfo.left,_=u.strideHeight,v=u.strideWidth,y=u.inChannels;if(u.dataFormat!==`channelsLast`)throw Error(`wasm backend does not support dataFormat:'${u.dataFormat}'. Please use 'channelsLast'.`);if(u.dilationWidth!==1||u.dilationHeight!==1)throw Error(`was backend only supports average pooling with dilation = [1, 1], got [${u.dilationHeight}, ${u.dilationWidth}].`);let b=r.makeOutput(u.outShape,`float32`),x=r.dataIdMap.get(b.dataId).id;return Rr(a,i.shape[0],i.shape[1],i.shape[2],d,f,p,m,h,g,_,v,y,x),b}const Vr={kernelName:Le,backendName:`wasm`,setupFunc:zr,kernelFunc:Br};
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let Hr;function Ur(e){Hr=e.wasm.cwrap(`AvgPool3D`,null,[`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`])}function Wr(e){let{inputs:t,backend:n,attrs:r}=e,{x:i}=t,{filterSize:a,strides:o,pad:s,dimRoundingMode:c,dataFormat:l}=r,u=he(i.shape,a,o,1,s,c,l),d=n.makeOutput(u.outShape,i.dtype);return Hr(n.dataIdMap.get(i.dataId).id,n.dataIdMap.get(d.dataId).id,u.batchSize,u.inChannels,u.inDepth,u.inHeight,u.inWidth,u.outDepth,u.outHeight,u.outWidth,u.strideDepth,u.strideHeight,u.strideWidth,u.dilationDepth,u.dilationHeight,u.dilationWidth,u.effectiveFilterDepth,u.effectiveFilterHeight,u.effectiveFilterWidth,u.padInfo.front,u.padInfo.top,u.padInfo.left),d}const Gr={kernelName:Xt,backendName:`wasm`,setupFunc:Ur,kernelFunc:Wr};
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let Kr;function qr(e){Kr=e.wasm.cwrap(`AvgPool3DGrad`,null,[`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`])}function Jr(e){let{inputs:t,backend:n,attrs:r}=e,{dy:i,input:a}=t,{filterSize:o,strides:s,pad:c,dimRoundingMode:l}=r,u=he(a.shape,o,s,1,c,l),d=n.makeOutput(a.shape,a.dtype);return Kr(n.dataIdMap.get(i.dataId).id,n.dataIdMap.get(d.dataId).id,u.batchSize,u.inChannels,u.inDepth,u.inHeight,u.inWidth,u.outDepth,u.outHeight,u.outWidth,u.strideDepth,u.strideHeight,u.strideWidth,u.dilationDepth,u.dilationHeight,u.dilationWidth,u.effectiveFilterDepth,u.effectiveFilterHeight,u.effectiveFilterWidth,u.padInfo.front,u.padInfo.top,u.padInfo.left,u.filterDepth,u.filterHeight,u.filterWidth),d}const Yr={kernelName:dn,backendName:`wasm`,setupFunc:qr,kernelFunc:Jr};
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let Xr;function Zr(e){Xr=e.wasm.cwrap(`AvgPoolGrad`,null,[`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`])}function Qr(e){let{inputs:t,backend:n,attrs:r}=e,{dy:i,input:a}=t,{filterSize:o,strides:s,pad:c}=r,l=nn(a.shape,o,s,1,c),u=n.makeOutput(a.shape,a.dtype);return Xr(n.dataIdMap.get(i.dataId).id,n.dataIdMap.get(u.dataId).id,l.batchSize,l.inChannels,l.inHeight,l.inWidth,l.outHeight,l.outWidth,l.strideHeight,l.strideWidth,l.dilationHeight,l.dilationWidth,l.effectiveFilterHeight,l.effectiveFilterWidth,l.padInfo.top,l.padInfo.left,l.filterHeight,l.filterWidth),u}const $r={kernelName:Ue,backendName:`wasm`,setupFunc:Zr,kernelFunc:Qr};
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
function Q(e){let{inputs:t,attrs:n}=e,{x:r}=t,{shape:i}=n,a=V(r.shape),o=kt(i,a);return W(a===V(o),()=>`new shape: ${o}, old shape: ${r.shape}. New shape and old shape must have the same number of elements.`),e.backend.incRef(r.dataId),{dataId:r.dataId,shape:o,dtype:r.dtype}}const ei={kernelName:Dt,backendName:`wasm`,kernelFunc:Q};
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let ti;function ni(e){ti=e.wasm.cwrap(on,null,[`number`,`array`,`number`,`number`,`array`,`number`,`number`,`number`,`number`])}function ri(e){let{inputs:t,backend:n,attrs:r}=e,{a:i,b:a}=t,{transposeA:o,transposeB:s}=r;if(i.dtype!==`float32`||a.dtype!==`float32`)throw Error(`BatchMatMul for non non-float32 tensors not yet supported.`);let c=i.shape.length,l=a.shape.length,u=o?i.shape[c-2]:i.shape[c-1],d=s?a.shape[l-1]:a.shape[l-2],f=o?i.shape[c-1]:i.shape[c-2],p=s?a.shape[l-2]:a.shape[l-1],m=i.shape.slice(0,-2),h=a.shape.slice(0,-2),g=V(m),_=V(h),v=st(i.shape.slice(0,-2),a.shape.slice(0,-2)).concat([f,p]);W(u===d,()=>`Error in matMul: inner shapes (${u}) and (${d}) of Tensors with shapes ${i.shape} and ${a.shape} and transposeA=${o} and transposeB=${s} must match.`);let y=o?[g,u,f]:[g,f,u],b=s?[_,p,d]:[_,d,p],x=Q({inputs:{x:i},backend:n,attrs:{shape:y}}),S=Q({inputs:{x:a},backend:n,attrs:{shape:b}}),C=n.dataIdMap.get(x.dataId).id,w=n.dataIdMap.get(S.dataId).id,T=o?x.shape[2]:x.shape[1],E=s?S.shape[1]:S.shape[2],D=Math.max(g,_),O=n.makeOutput([D,T,E],x.dtype),k=n.dataIdMap.get(O.dataId).id,A=new Uint8Array(new Int32Array(x.shape).buffer),j=new Uint8Array(new Int32Array(S.shape).buffer);return ti(C,A,x.shape.length,w,j,S.shape.length,o,s,k),n.disposeData(x.dataId),n.disposeData(S.dataId),O.shape=v,O}const ii={kernelName:on,backendName:`wasm`,setupFunc:ni,kernelFunc:ri};
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
function ai(e){let{inputs:{x:t},attrs:{begin:n,size:r},backend:i}=e,[a,o]=Dn(t,n,r),s=Sn(t.shape,a,o),c=i.readSync(t.dataId),l=i.makeOutput(o,t.dtype),u=K(t.shape),d=i.dataIdMap.get(l.dataId);if(s){let e=bn(a,u);return t.dtype===`string`?d.stringBytes=c.slice(e,e+V(o)):i.typedArrayFromHeap(l).set(c.subarray(e,e+V(o))),l}if(t.dtype===`string`)return d.stringBytes=Gn(c,a,o,t.shape,t.dtype),l;let f=i.typedArrayFromHeap(l),p=t.shape.length;if(p===2)oi(c,u[0],f,a,o);else if(p===3)si(c,u[0],u[1],f,a,o);else if(p===4)ci(c,u[0],u[1],u[2],f,a,o);else{let e=Gn(c,a,o,t.shape,t.dtype);f.set(e)}return l}function oi(e,t,n,r,i){let a=0,o=r[0],s=r[1],c=o+i[0];for(let r=o;r<c;r++){let o=r*t+s;n.set(e.subarray(o,o+i[1]),a),a+=i[1]}}function si(e,t,n,r,i,a){let o=0,s=i[0],c=i[1],l=i[2],u=s+a[0],d=c+a[1];for(let i=s;i<u;i++)for(let s=c;s<d;s++){let c=i*t+s*n+l;r.set(e.subarray(c,c+a[2]),o),o+=a[2]}}function ci(e,t,n,r,i,a,o){let s=0,c=a[0],l=a[1],u=a[2],d=c+o[0],f=l+o[1],p=u+o[2],m=a[3];for(let a=c;a<d;a++)for(let c=l;c<f;c++)for(let l=u;l<p;l++){let u=a*t+c*n+l*r+m;i.set(e.subarray(u,u+o[3]),s),s+=o[3]}}const li={kernelName:_e,backendName:`wasm`,kernelFunc:ai};
/**
* @license
* Copyright 2021 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
function ui(e){let{inputs:t,backend:n,attrs:r}=e,{x:i}=t,{blockShape:a,crops:o}=r,s=a.reduce((e,t)=>e*t),c=Tn(i.shape,a,s),l=vn(c.length,a.length),u=zn(i.shape,a,s),d=hn(o,a.length),f=Rn(u,o,a.length),p=Q({inputs:{x:i},backend:n,attrs:{shape:c}}),m=X({inputs:{x:p},backend:n,attrs:{perm:l}}),h=Q({inputs:{x:m},backend:n,attrs:{shape:u}}),g=ai({inputs:{x:h},backend:n,attrs:{begin:d,size:f}});return n.disposeData(p.dataId),n.disposeData(m.dataId),n.disposeData(h.dataId),g}const di={kernelName:ve,backendName:`wasm`,kernelFunc:ui};
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let fi;function pi(e){fi=e.wasm.cwrap(d,null,[`number`,`number`,`boolean`,`number`,`number`,`number`])}function mi(e){let{backend:t,inputs:n,attrs:r}=e,{x:i,weights:a}=n,{size:o}=r,s=a.shape.reduce((e,t)=>e*t,1)!==0,c=i.shape.length===1?[o]:[i.shape[0],o],l=t.makeOutput(c,a.dtype);function u(e){return t.dataIdMap.get(e.dataId).id}return fi(u(i),o,s,u(a),q[a.dtype],u(l)),l}const hi={kernelName:d,backendName:`wasm`,setupFunc:pi,kernelFunc:mi},gi=Y(tn,!0)
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
;
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
function _i(e){let{inputs:t,backend:n}=e,{s0:r,s1:i}=t,a=n.typedArrayFromHeap(r),o=n.typedArrayFromHeap(i),s=st(Array.from(a),Array.from(o));return n.makeOutput([s.length],`int32`,void 0,new Int32Array(s))}const vi={kernelName:xe,backendName:`wasm`,kernelFunc:_i};
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
function $(e){let{inputs:{x:t},attrs:{dtype:n},backend:r}=e,i=r.makeOutput(t.shape,n),a=r.typedArrayFromHeap(t);return r.typedArrayFromHeap(i).set(a),i}const yi={kernelName:_,backendName:`wasm`,kernelFunc:$},bi=J(m)
/**
* @license
* Copyright 2021 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
;
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let xi;function Si(e){xi=e.wasm.cwrap(se,null,[`number`,`number`,`number`,`number`])}function Ci(e){let{inputs:t,backend:n,attrs:r}=e,{x:i}=t,{clipValueMin:a,clipValueMax:o}=r,s=n.dataIdMap.get(i.dataId).id,c=n.makeOutput(i.shape,i.dtype),l=n.dataIdMap.get(c.dataId).id;return xi(s,a,o,l),c}const wi={kernelName:se,backendName:`wasm`,setupFunc:Si,kernelFunc:Ci};
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
function Ti(e){let{inputs:t,backend:n}=e,r=cn(e.attrs.axis,t[0].shape)[0],i=t.map(e=>e.shape);wn(i,r);let a=En(t.map(e=>e.shape),r),o=t.filter(e=>V(e.shape)>0);if(o.length===1)return hr({inputs:{x:o[0]},backend:n});let s=n.makeOutput(a,t[0].dtype);if(V(a)===0)return s;if(o[0].dtype===`string`){let e=o.map(e=>{let t=[-1,V(e.shape.slice(r))];return Q({inputs:{x:e},backend:n,attrs:{shape:t}})}),i=e.map(e=>({vals:n.readSync(e.dataId),shape:e.shape}));a=En(e.map(e=>e.shape),1);let c=e[0].shape[0]===1,l=Bn(i,a,t[0].dtype,c);s.shape=En(o.map(e=>e.shape),r);let u=n.dataIdMap.get(s.dataId);return u.stringBytes=Pn(l),e.forEach(e=>n.disposeData(e.dataId)),s}let c=V(o[0].shape.slice(0,r)),l=0,u=o.map(e=>{let t=V(e.shape.slice(r));return l+=t,t}),d=o.map(e=>n.typedArrayFromHeap(e)),f=n.typedArrayFromHeap(s);for(let e=0;e<c;e++){let t=e*l;for(let n=0;n<d.length;n++){let r=u[n],i=e*r,a=d[n].subarray(i,i+r);f.set(a,t),t+=r}}return s}const Ei={kernelName:gt,backendName:`wasm`,kernelFunc:Ti};
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let Di;function Oi(e){Di=e.wasm.cwrap(ie,null,[`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`])}function ki(e){let{inputs:t,attrs:n,backend:r}=e,{x:i,filter:a}=t,o=r.dataIdMap.get(i.dataId).id,c=r.dataIdMap.get(a.dataId).id,{strides:l,dilations:u,pad:d,dimRoundingMode:f,dataFormat:p}=n,m=s(p),h=qt(i.shape,a.shape,l,u,d,f,!1,m),g=h.filterHeight,_=h.filterWidth,v=h.padInfo.top,y=h.padInfo.right,b=h.padInfo.bottom,x=h.padInfo.left,S=h.dilationHeight,C=h.dilationWidth,w=h.strideHeight,T=h.strideWidth,E=h.inChannels,D=h.outChannels,O=+(h.padInfo.type===`SAME`);if(h.dataFormat!==`channelsLast`)throw Error(`wasm backend Conv2D does not support dataFormat:'${h.dataFormat}'. Please use 'channelsLast'.`);let k=r.makeOutput(h.outShape,`float32`),A=r.dataIdMap.get(k.dataId).id;return Di(o,i.shape[0],i.shape[1],i.shape[2],c,g,_,v,y,b,x,O,S,C,w,T,E,D,A),k}const Ai={kernelName:ie,backendName:`wasm`,setupFunc:Oi,kernelFunc:ki};
/**
* @license
* Copyright 2020 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let ji;function Mi(e){ji=e.wasm.cwrap(L,null,/* @__PURE__ */ `number.number.number.number.number.number.number.number.number.number.number.number.number.number.number.number.number.number.number.number.number.number.number.number.number.number.number`.split(`.`))}function Ni(e){let{backend:t,inputs:n,attrs:r}=e,{dy:i,filter:a}=n,{strides:o,pad:c,dataFormat:l,dimRoundingMode:u,inputShape:d}=r,f=s(l),p=qt(d,a.shape,o,1,c,u,!1,f),{batchSize:m,filterHeight:h,filterWidth:g,inChannels:_,inHeight:v,inWidth:y,outChannels:b,outHeight:x,outWidth:S,strideHeight:C,strideWidth:w}=p,T=h-1-p.padInfo.top,E=g-1-p.padInfo.left,D=p.dataFormat===`channelsLast`,O=K(p.inShape),k=K(i.shape),[A,j,M]=K(a.shape),ee=O[0],N=D?O[1]:O[2],P=D?O[2]:1,te=D?1:O[1],ne=k[0],re=D?k[1]:k[2],ie=D?k[2]:1,ae=D?1:k[1],oe=t.makeOutput(p.inShape,`float32`),F=t.dataIdMap.get(oe.dataId).id,I=t.dataIdMap.get(i.dataId).id,se=t.dataIdMap.get(a.dataId).id;return ji(I,se,m,h,g,v,y,_,x,S,b,C,w,T,E,A,j,M,ee,N,P,te,ne,re,ie,ae,F),oe}const Pi={kernelName:L,backendName:`wasm`,setupFunc:Mi,kernelFunc:Ni};
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let Fi;function Ii(e){Fi=e.wasm.cwrap(y,null,[`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`])}function Li(e){let{inputs:t,backend:n,attrs:r}=e,{x:i,filter:a}=t,{strides:o,pad:s,dilations:c}=r;if(i.dtype!==`float32`)throw Error(`Tensor x must have dtype float32, got ${i.dtype}`);if(a.dtype!==`float32`)throw Error(`Tensor filter must have dtype float32, got ${a.dtype}`);let l=sn(i.shape,a.shape,o,c,s),u=n.makeOutput(l.outShape,i.dtype);return Fi(n.dataIdMap.get(i.dataId).id,n.dataIdMap.get(a.dataId).id,n.dataIdMap.get(u.dataId).id,l.batchSize,l.inDepth,l.inHeight,l.inWidth,l.inChannels,l.outDepth,l.outHeight,l.outWidth,l.outChannels,l.strideDepth,l.strideHeight,l.strideWidth,l.dilationDepth,l.dilationHeight,l.dilationWidth,l.filterDepth,l.filterHeight,l.filterWidth,l.padInfo.front,l.padInfo.top,l.padInfo.left),u}const Ri={kernelName:y,backendName:`wasm`,setupFunc:Ii,kernelFunc:Li};
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let zi;function Bi(e){zi=e.wasm.cwrap(D,null,[`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`])}function Vi(e){let{inputs:t,backend:n,attrs:r}=e,{x:i,dy:a}=t,{strides:o,pad:s,filterShape:c}=r;if(i.dtype!==`float32`)throw Error(`Tensor dy must have dtype float32, got ${i.dtype}`);if(a.dtype!==`float32`)throw Error(`Tensor filter must have dtype float32, got ${a.dtype}`);let l=sn(i.shape,c,o,1,s),u=n.makeOutput(l.filterShape,a.dtype);return zi(n.dataIdMap.get(i.dataId).id,n.dataIdMap.get(a.dataId).id,n.dataIdMap.get(u.dataId).id,l.batchSize,l.inDepth,l.inHeight,l.inWidth,l.inChannels,l.outDepth,l.outHeight,l.outWidth,l.outChannels,l.strideDepth,l.strideHeight,l.strideWidth,l.dilationDepth,l.dilationHeight,l.dilationWidth,l.filterDepth,l.filterHeight,l.filterWidth,l.padInfo.front,l.padInfo.top,l.padInfo.left),u}const Hi={kernelName:D,backendName:`wasm`,setupFunc:Bi,kernelFunc:Vi};
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let Ui;function Wi(e){Ui=e.wasm.cwrap(P,null,[`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`])}function Gi(e){let{inputs:t,backend:n,attrs:r}=e,{dy:i,filter:a}=t,{pad:o,strides:s,inputShape:c}=r;if(i.dtype!==`float32`)throw Error(`Tensor dy must have dtype float32, got ${i.dtype}`);if(a.dtype!==`float32`)throw Error(`Tensor filter must have dtype float32, got ${a.dtype}`);let l=sn(c,a.shape,s,1,o),u=n.makeOutput(l.inShape,i.dtype);return Ui(n.dataIdMap.get(a.dataId).id,n.dataIdMap.get(i.dataId).id,n.dataIdMap.get(u.dataId).id,l.batchSize,l.inDepth,l.inHeight,l.inWidth,l.inChannels,l.outDepth,l.outHeight,l.outWidth,l.outChannels,l.strideDepth,l.strideHeight,l.strideWidth,l.dilationDepth,l.dilationHeight,l.dilationWidth,l.filterDepth,l.filterHeight,l.filterWidth,l.padInfo.front,l.padInfo.top,l.padInfo.left),u}const Ki={kernelName:P,backendName:`wasm`,setupFunc:Wi,kernelFunc:Gi},qi=J(`Cos`),Ji=J(me)
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
/**
* @license
* Copyright 2021 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
;
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
var Yi;(function(e){e[e.bilinear=0]=`bilinear`,e[e.nearest=1]=`nearest`})(Yi||={});let Xi;function Zi(e){Xi=e.wasm.cwrap(mn,null,[`number`,`number`,`number`,`number`,`array`,`number`,`number`,`number`,`number`,`number`])}function Qi(e){let{backend:t,inputs:n,attrs:r}=e,{method:i,extrapolationValue:a,cropSize:o}=r,{image:s,boxes:c,boxInd:l}=n,u=c.shape[0],[d,f]=o,p=[u,d,f,s.shape[3]],m=t.dataIdMap.get(s.dataId),h;s.dtype!==`float32`&&(h=$({backend:t,inputs:{x:s},attrs:{dtype:`float32`}}),m=t.dataIdMap.get(h.dataId));let g=m.id,_=t.dataIdMap.get(c.dataId).id,v=t.dataIdMap.get(l.dataId).id,y=t.makeOutput(p,`float32`),b=t.dataIdMap.get(y.dataId).id,x=new Uint8Array(new Int32Array(s.shape).buffer);return Xi(g,_,v,u,x,d,f,Yi[i],a,b),h!=null&&t.disposeData(h.dataId),y}const $i={kernelName:mn,backendName:`wasm`,setupFunc:Zi,kernelFunc:Qi};
/**
* @license
* Copyright 2022 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let ea;function ta(e){ea=e.wasm.cwrap(o,null,[`number`,`number`,`number`,`number`,`number`,`number`])}function na(e){let{inputs:t,backend:n,attrs:r}=e,{x:i}=t,{axis:a,exclusive:o,reverse:s}=r,c=i.shape.length;W(i.dtype===`float32`||i.dtype===`int32`,()=>`cumprod does not support ${i.dtype} tensors in the WASM backend`);let l=qe([a],c),u=i;l!==null&&(u=X({inputs:{x:i},attrs:{perm:l},backend:n}));let d=et(1,c)[0];U(`cumprod`,[d],c);let f=n.makeOutput(u.shape,u.dtype),p=u.shape[d],m=n.dataIdMap.get(u.dataId).id,h=n.dataIdMap.get(f.dataId).id;ea(m,+!!o,+!!s,p,h,q[i.dtype]);let g=f;if(l!==null){let e=Ot(l);g=X({inputs:{x:f},attrs:{perm:e},backend:n}),n.disposeData(u.dataId),n.disposeData(f.dataId)}return g}const ra={kernelName:o,backendName:`wasm`,setupFunc:ta,kernelFunc:na};
/**
* @license
* Copyright 2020 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let ia;function aa(e){ia=e.wasm.cwrap(Ee,null,[`number`,`number`,`number`,`number`,`number`,`number`])}function oa(e){let{inputs:t,backend:n,attrs:r}=e,{x:i}=t,{axis:a,exclusive:o,reverse:s}=r,c=i.shape.length;W(i.dtype===`float32`||i.dtype===`int32`,()=>`cumsum does not support ${i.dtype} tensors in the WASM backend`);let l=qe([a],c),u=i;l!==null&&(u=X({inputs:{x:i},attrs:{perm:l},backend:n}));let d=et(1,c)[0];U(`cumsum`,[d],c);let f=n.makeOutput(u.shape,u.dtype),p=u.shape[d],m=n.dataIdMap.get(u.dataId).id,h=n.dataIdMap.get(f.dataId).id;ia(m,+!!o,+!!s,p,h,q[i.dtype]);let g=f;if(l!==null){let e=Ot(l);g=X({inputs:{x:f},attrs:{perm:e},backend:n}),n.disposeData(u.dataId),n.disposeData(f.dataId)}return g}const sa={kernelName:Ee,backendName:`wasm`,setupFunc:aa,kernelFunc:oa};
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let ca;function la(e){ca=e.wasm.cwrap(`DenseBincount`,null,[`number`,`array`,`number`,`number`,`boolean`,`number`,`number`,`boolean`,`number`])}function ua(e){let{backend:t,inputs:n,attrs:r}=e,{x:i,weights:a}=n,{size:o,binaryOutput:s}=r,c=a.shape.reduce((e,t)=>e*t,1)!==0,l=i.shape.length===1?[o]:[i.shape[0],o],u=t.makeOutput(l,a.dtype);function d(e){return t.dataIdMap.get(e.dataId).id}return ca(d(i),new Uint8Array(new Int32Array(i.shape).buffer),i.shape.length,o,c,d(a),q[a.dtype],s,d(u)),u}const da={kernelName:w,backendName:`wasm`,setupFunc:la,kernelFunc:ua};
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let fa;function pa(e){fa=e.wasm.cwrap(Ce,null,[`number`,`number`,`number`,`array`,`number`,`array`,`array`,`number`,`number`])}function ma(e){let{backend:t,inputs:n,attrs:r}=e,{x:i}=n,{blockSize:a,dataFormat:o}=r,s=i.shape[0],c=o===`NHWC`?i.shape[1]:i.shape[2],l=o===`NHWC`?i.shape[2]:i.shape[3],u=o===`NHWC`?i.shape[3]:i.shape[1],d=c*a,f=l*a,p=u/(a*a),m=o===`NHWC`?[s,d,f,p]:[s,p,d,f],h=t.makeOutput(m,`float32`),g=t.dataIdMap.get(i.dataId).id,_=new Uint8Array(new Int32Array(K(i.shape)).buffer),v=new Uint8Array(new Int32Array(m).buffer),y=new Uint8Array(new Int32Array(K(m)).buffer),b=t.dataIdMap.get(h.dataId).id;return fa(g,a,+(o===`NHWC`),_,i.shape.length-1,v,y,m.length,b),h}const ha={kernelName:Ce,backendName:`wasm`,setupFunc:pa,kernelFunc:ma};
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let ga;function _a(e){ga=e.wasm.cwrap(ke,null,[`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`])}function va(e){let{inputs:t,attrs:n,backend:r}=e,{x:i,filter:a}=t,o=r.dataIdMap.get(i.dataId).id,s=r.dataIdMap.get(a.dataId).id,{strides:c,dilations:l,pad:u,dimRoundingMode:d}=n,f=l??[1,1],p=qt(i.shape,a.shape,c,f,u,d,!0),m=p.filterHeight,h=p.filterWidth,g=p.padInfo.top,_=p.padInfo.right,v=p.padInfo.bottom,y=p.padInfo.left,b=p.dilationHeight,x=p.dilationWidth,S=p.strideHeight,C=p.strideWidth,w=p.inChannels,T=p.outChannels,E=+(p.padInfo.type===`SAME`);if(p.dataFormat!==`channelsLast`)throw Error(`wasm backend DepthwiseConv2dNative does not support dataFormat:'${p.dataFormat}'. Please use 'channelsLast'.`);let D=r.makeOutput(p.outShape,`float32`),O=r.dataIdMap.get(D.dataId).id;return ga(o,i.shape[0],i.shape[1],i.shape[2],s,m,h,g,_,v,y,E,b,x,S,C,w,T,O),D}const ya={kernelName:ke,backendName:`wasm`,setupFunc:_a,kernelFunc:va};
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let ba;function xa(e){ba=e.wasm.cwrap(`Diag`,null,[`number`,`number`,`number`,`number`])}function Sa(e){let{inputs:t,backend:n}=e,{x:r}=t,i=V(r.shape),a=n.makeOutput([...r.shape,...r.shape],r.dtype);return ba(n.dataIdMap.get(r.dataId).id,q[r.dtype],i,n.dataIdMap.get(a.dataId).id),a}const Ca={kernelName:Ft,backendName:`wasm`,setupFunc:xa,kernelFunc:Sa};
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let wa;function Ta(e){wa=e.wasm.cwrap(A,null,[`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`])}function Ea(e){let{inputs:t,backend:n,attrs:r}=e,{x:i,filter:a}=t,{strides:o,pad:s,dilations:c}=r;if(i.dtype!==a.dtype)throw Error(`Dilation2D error: x must have the same dtype as filter. Got ${i.dtype} and ${a.dtype}`);let l=Ve(i.shape,a.shape,o,s,`NHWC`,c),u=n.makeOutput(l.outShape,i.dtype);return wa(n.dataIdMap.get(i.dataId).id,n.dataIdMap.get(a.dataId).id,n.dataIdMap.get(u.dataId).id,q[i.dtype],l.batchSize,l.inChannels,l.inHeight,l.inWidth,l.outHeight,l.outWidth,l.strideHeight,l.strideWidth,l.dilationHeight,l.dilationWidth,l.filterHeight,l.filterWidth,l.padInfo.top,l.padInfo.left),u}const Da={kernelName:A,backendName:`wasm`,setupFunc:Ta,kernelFunc:Ea};
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let Oa;function ka(e){Oa=e.wasm.cwrap(Ne,null,[`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`])}function Aa(e){let{inputs:t,backend:n,attrs:r}=e,{x:i,filter:a,dy:o}=t,{strides:s,pad:c,dilations:l}=r;if(i.dtype!==a.dtype||i.dtype!==o.dtype)throw Error(`Dilation2DBackpropFilter error: x must have the same dtype as filter and dy. Got ${i.dtype}, ${a.dtype}, and ${o.dtype}`);let u=Ve(i.shape,a.shape,s,c,`NHWC`,l),d=n.makeOutput(a.shape,a.dtype);return Oa(n.dataIdMap.get(i.dataId).id,n.dataIdMap.get(a.dataId).id,n.dataIdMap.get(o.dataId).id,n.dataIdMap.get(d.dataId).id,q[i.dtype],u.batchSize,u.inChannels,u.inHeight,u.inWidth,u.outHeight,u.outWidth,u.strideHeight,u.strideWidth,u.dilationHeight,u.dilationWidth,u.filterHeight,u.filterWidth,u.padInfo.top,u.padInfo.left),d}const ja={kernelName:Ne,backendName:`wasm`,setupFunc:ka,kernelFunc:Aa};
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let Ma;function Na(e){Ma=e.wasm.cwrap(je,null,[`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`])}function Pa(e){let{inputs:t,backend:n,attrs:r}=e,{x:i,filter:a,dy:o}=t,{strides:s,pad:c,dilations:l}=r;if(i.dtype!==a.dtype||i.dtype!==o.dtype)throw Error(`Dilation2DBackpropInput error: x must have the same dtype as filter and dy. Got ${i.dtype}, ${a.dtype}, and ${o.dtype}`);let u=Ve(i.shape,a.shape,s,c,`NHWC`,l),d=n.makeOutput(i.shape,i.dtype);return Ma(n.dataIdMap.get(i.dataId).id,n.dataIdMap.get(a.dataId).id,n.dataIdMap.get(o.dataId).id,n.dataIdMap.get(d.dataId).id,q[i.dtype],u.batchSize,u.inChannels,u.inHeight,u.inWidth,u.outHeight,u.outWidth,u.strideHeight,u.strideWidth,u.dilationHeight,u.dilationWidth,u.filterHeight,u.filterWidth,u.padInfo.top,u.padInfo.left),d}const Fa={kernelName:je,backendName:`wasm`,setupFunc:Na,kernelFunc:Pa},Ia=J(`Elu`)
/**
* @license
* Copyright 2021 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
;
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let La;function Ra(e){La=e.wasm.cwrap(t,null,[`number`,`number`,`number`])}function za(e){let{inputs:t,backend:n}=e,{dy:r,y:i}=t,a=n.makeOutput(i.shape,`float32`),o=e=>n.dataIdMap.get(e.dataId).id;return La(o(i),o(r),o(a)),a}const Ba={kernelName:t,backendName:`wasm`,setupFunc:Ra,kernelFunc:za},Va=Y(Ze,!1,`bool`),Ha=J(`Erf`),Ua=J(`Exp`,`float32`)
/**
* @license
* Copyright 2020 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
;
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
function Wa(e){let{inputs:t,attrs:n,backend:r}=e,{input:i}=t,{dim:a}=n,o=i.shape.length,s=i.shape.slice(),c=a;return a<0&&(W(-(o+1)<=a,()=>`Axis must be in the interval [${-(o+1)}, ${o}]`),c=o+a+1),s.splice(c,0,1),Q({inputs:{x:i},backend:r,attrs:{shape:s}})}const Ga={kernelName:Ht,backendName:`wasm`,kernelFunc:Wa},Ka=J(wt,`float32`)
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
;
/**
* @license
* Copyright 2020 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
function qa(e){let{attrs:{shape:t,value:n},backend:r}=e,{attrs:{dtype:i}}=e;i||=tt(n);let a=r.makeOutput(t,i);return r.typedArrayFromHeap(a).fill(n),a}const Ja={kernelName:Lt,backendName:`wasm`,kernelFunc:qa};
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let Ya;function Xa(e){Ya=e.wasm.cwrap(ft,null,[`number`,`number`,`number`,`number`,`number`,`number`])}function Za(e){let{inputs:t,backend:n}=e,{image:r}=t,i=n.makeOutput(r.shape,r.dtype),a=n.dataIdMap.get(r.dataId).id,o=n.dataIdMap.get(i.dataId).id,[s,c,l,u]=r.shape;return Ya(a,s,c,l,u,o),i}const Qa={kernelName:ft,backendName:`wasm`,kernelFunc:Za,setupFunc:Xa},$a=J(Re),eo=Y(Et,!1)
/**
* @license
* Copyright 2020 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
;
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let to;function no(e){to=e.wasm.cwrap(zt,null,[`number`,`number`,`number`,`number`,`number`,`number`,`number`])}function ro(e){let{backend:t,inputs:n,attrs:r}=e,{varianceEpsilon:i}=r,{x:a,mean:o,variance:s,offset:c,scale:l}=n,u=t.dataIdMap.get(a.dataId).id,d=t.dataIdMap.get(o.dataId).id,f=t.dataIdMap.get(s.dataId).id,p=c==null?0:t.dataIdMap.get(c.dataId).id,m=l==null?0:t.dataIdMap.get(l.dataId).id,h=t.makeOutput(a.shape,a.dtype);if(V(a.shape)===0)return h;let g=t.dataIdMap.get(h.dataId).id;return to(u,d,f,p,m,i,g),h}const io={kernelName:zt,backendName:`wasm`,setupFunc:no,kernelFunc:ro};
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let ao;function oo(e){ao=e.wasm.cwrap(We,null,[`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`])}function so(e){let{inputs:t,attrs:n,backend:r}=e,{x:i,filter:a,bias:o,preluActivationWeights:s}=t,{strides:c,pad:l,dilations:u,dataFormat:d,dimRoundingMode:f,activation:p,leakyreluAlpha:m}=n,h=qt(i.shape,a.shape,c,u,l,f),g=nr[p];if(g==null)throw Error(`${p} activation not yet supported for FusedConv2D in the wasm backend.`);let _=r.dataIdMap.get(i.dataId).id,v=r.dataIdMap.get(a.dataId).id,y=h.outChannels,b=0;if(o!=null){let e=r.dataIdMap.get(o.dataId);if(e.shape.length!==1)throw Error(`FusedConv2D only supports rank-1 bias but got rank ${e.shape.length}.`);if(e.shape[0]!==y)throw Error(`FusedConv2D bias shape (${e.shape}) does not match the number of output channels (${y})`);b=e.id}let x=h.filterHeight,S=h.filterWidth,C=h.padInfo.top,w=h.padInfo.right,T=h.padInfo.bottom,E=h.padInfo.left,D=h.dilationHeight,O=h.dilationWidth,k=h.strideHeight,A=h.strideWidth,j=h.inChannels,M=+(h.padInfo.type===`SAME`),ee=h.batchSize,N=h.inHeight,P=h.inWidth;if(d!==`NHWC`)throw Error(`wasm backend FusedConv2D does not support dataFormat:'${d}'. Please use 'NHWC'.`);let te=r.makeOutput(h.outShape,`float32`),ne=r.dataIdMap.get(te.dataId).id,re=s==null?0:r.dataIdMap.get(s.dataId).id;return ao(_,ee,N,P,v,x,S,b,C,w,T,E,M,D,O,k,A,j,y,g,re,m||0,ne),te}const co={kernelName:We,backendName:`wasm`,setupFunc:oo,kernelFunc:so};
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let lo;function uo(e){lo=e.wasm.cwrap(yt,null,[`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`])}function fo(e){let{inputs:t,attrs:n,backend:r}=e,{x:i,filter:a,bias:o,preluActivationWeights:s}=t,{strides:c,pad:l,dilations:u,dataFormat:d,dimRoundingMode:f,activation:p,leakyreluAlpha:m}=n,h=qt(i.shape,a.shape,c,u,l,f,!0),g=nr[p];if(g==null)throw Error(`${p} activation not yet supported for FusedDepthwiseConv2D in the wasm backend.`);let _=r.dataIdMap.get(i.dataId).id,v=r.dataIdMap.get(a.dataId).id,y=h.outChannels,b=0;if(o!=null){let e=r.dataIdMap.get(o.dataId);if(e.shape.length!==1)throw Error(`FusedDepthwiseConv2D only supports rank-1 bias but got rank ${e.shape.length}.`);if(e.shape[0]!==y)throw Error(`FusedDepthwiseConv2D bias shape (${e.shape}) does not match the number of output channels (${y})`);b=e.id}let x=h.filterHeight,S=h.filterWidth,C=h.padInfo.top,w=h.padInfo.right,T=h.padInfo.bottom,E=h.padInfo.left,D=h.dilationHeight,O=h.dilationWidth,k=h.strideHeight,A=h.strideWidth,j=h.inChannels,M=+(h.padInfo.type===`SAME`),ee=h.batchSize,N=h.inHeight,P=h.inWidth;if(d!==`NHWC`)throw Error(`wasm backend FusedDepthwiseConv2D does not support dataFormat:'${d}'. Please use 'NHWC'.`);let te=r.makeOutput(h.outShape,`float32`),ne=r.dataIdMap.get(te.dataId).id,re=s==null?0:r.dataIdMap.get(s.dataId).id;return lo(_,ee,N,P,v,x,S,b,C,w,T,E,M,D,O,k,A,j,y,g,re,m||0,ne),te}const po={kernelName:yt,backendName:`wasm`,setupFunc:uo,kernelFunc:fo};
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let mo;function ho(e){mo=e.wasm.cwrap(Wt,null,[`number`,`number`,`number`,`number`,`number`,`number`,`array`,`number`])}function go(e){let{backend:t,inputs:n}=e,{params:r,indices:i}=n,[a,o,s,c]=gn(r,i),l=t.makeOutput(a,r.dtype);if(o===0)return l;let u=i.shape,d=u[u.length-1],f=t.dataIdMap.get(r.dataId).id,p=t.dataIdMap.get(i.dataId).id,m=new Uint8Array(new Int32Array(c).buffer),h=t.dataIdMap.get(l.dataId).id;return mo(f,q[r.dtype],p,o,d,s,m,h),l}const _o={kernelName:Wt,backendName:`wasm`,setupFunc:ho,kernelFunc:go};
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let vo;function yo(e){vo=e.wasm.cwrap(`Gather`,null,[`number`,`number`,`array`,`number`,`number`,`number`,`array`,`number`])}function bo(e){let{backend:t,inputs:n,attrs:r}=e,{x:i,indices:a}=n,{axis:o,batchDims:s}=r,c=cn(o,i.shape)[0],l=t.readSync(a.dataId),u=i.shape[c];for(let e=0;e<l.length;++e){let t=l[e];W(t<=u-1&&t>=0,()=>`GatherV2: the index value ${t} is not in [0, ${u-1}]`)}let d=Un(i,a,c,s),f=Q({inputs:{x:i},attrs:{shape:[d.batchSize,d.outerSize,d.dimSize,d.sliceSize]},backend:t}),p=V(a.shape),m=Q({inputs:{x:a},attrs:{shape:[d.batchSize,p/d.batchSize]},backend:t}),h=[d.batchSize,d.outerSize,p/d.batchSize,d.sliceSize],g=t.makeOutput(h,i.dtype);if(V(i.shape)===0)return g;let _=f.shape.length-1,v=t.dataIdMap.get(f.dataId).id,y=t.dataIdMap.get(m.dataId).id,b=t.dataIdMap.get(g.dataId).id,x=new Uint8Array(new Int32Array(K(f.shape)).buffer),S=new Uint8Array(new Int32Array(K(h)).buffer);return vo(v,q[i.dtype],x,_,y,d.batchSize,S,b),t.disposeData(f.dataId),t.disposeData(m.dataId),g.shape=d.outputShape,g}const xo={kernelName:Je,backendName:`wasm`,setupFunc:yo,kernelFunc:bo},So=Y(nt,!1,`bool`),Co=Y(At,!1,`bool`),wo=J(Fe,`bool`),To=J(Jt,`bool`),Eo=J(ln,`bool`)
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
/**
* @license
* Copyright 2022 The TensorFlow Authors. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the License);
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an AS IS BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
;
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let Do;function Oo(e){Do=e.wasm.cwrap(rn,null,[`number`,`number`,`number`,`number`])}function ko(e){let{inputs:{x:t},attrs:{alpha:n},backend:r}=e,i=r.dataIdMap.get(t.dataId).id,a=r.makeOutput(t.shape,`float32`);if(V(t.shape)!==0){let e=r.dataIdMap.get(a.dataId).id;Do(i,q[t.dtype],n,e)}return a}const Ao={kernelName:rn,backendName:`wasm`,setupFunc:Oo,kernelFunc:ko},jo=Y(ge,!1,`bool`),Mo=Y(l,!1,`bool`)
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
;
/**
* @license
* Copyright 2023 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let No;function Po(e){No=e.wasm.cwrap($t,null,[`number`,`number`,`number`,`number`])}function Fo(e){let{attrs:t,backend:n}=e,{start:r,stop:i,num:a}=t,o=Math.floor(a),s=n.makeOutput([o],`float32`);return No(n.dataIdMap.get(s.dataId).id,r,i,o),s}const Io={kernelName:$t,backendName:`wasm`,setupFunc:Po,kernelFunc:Fo},Lo=J(`Log`),Ro=J(ye),zo=Y(h,!1,`bool`),Bo=J(f),Vo=Y(F,!1,`bool`),Ho=Y(_t,!1,`bool`)
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
;
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let Uo;function Wo(e){Uo=e.wasm.cwrap(`LRN`,null,[`number`,`number`,`number`,`number`,`number`,`number`,`number`])}function Go(e){let{inputs:t,backend:n,attrs:r}=e,{x:i}=t,{depthRadius:a,bias:o,alpha:s,beta:c}=r;if(i.dtype!==`float32`)throw Error(`LRN error: x must have dtype float32`);let l=n.makeOutput(i.shape,i.dtype);return Uo(n.dataIdMap.get(i.dataId).id,n.dataIdMap.get(l.dataId).id,i.shape[3],a,o,s,c),l}const Ko={kernelName:`LRN`,backendName:`wasm`,setupFunc:Wo,kernelFunc:Go};
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let qo;function Jo(e){qo=e.wasm.cwrap(He,null,[`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`])}function Yo(e){let{inputs:t,backend:n,attrs:r}=e,{x:i,y:a,dy:o}=t,{depthRadius:s,bias:c,alpha:l,beta:u}=r;if(i.dtype!==`float32`||a.dtype!==`float32`||o.dtype!==`float32`)throw Error(`LRNGrad error: x, y, and dy must have dtype float32`);let d=n.makeOutput(i.shape,i.dtype);return qo(n.dataIdMap.get(i.dataId).id,n.dataIdMap.get(a.dataId).id,n.dataIdMap.get(o.dataId).id,n.dataIdMap.get(d.dataId).id,o.shape[3],s,c,l,u),d}const Xo={kernelName:He,backendName:`wasm`,setupFunc:Jo,kernelFunc:Yo};
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let Zo;function Qo(e){Zo=e.wasm.cwrap(`Max`,null,[`number`,`number`,`number`,`number`])}function $o(e){let{backend:t,inputs:n,attrs:r}=e,{reductionIndices:i,keepDims:a}=r,{x:o}=n,s=t.dataIdMap.get(o.dataId).id,c=o,{transposed:l,axes:u,originalAxes:d,inputWasTransposed:f}=Z(o,i,t);if(f){let e=t.dataIdMap.get(l.dataId).id;c=l,s=e}let p=c.shape.length;U(`max`,u,p);let[m,h]=G(c.shape,u),g=V(h),_=t.makeOutput(m,o.dtype);if(V(c.shape)!==0){let e=t.dataIdMap.get(_.dataId).id;Zo(s,q[o.dtype],g,e)}return f&&t.disposeData(l.dataId),a&&(_.shape=Ut(_.shape,d)),_}const es={kernelName:`Max`,backendName:`wasm`,setupFunc:Qo,kernelFunc:$o},ts=Y(v,!1)
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
;
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let ns;function rs(e){ns=e.wasm.cwrap(n,null,[`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`])}function is(e){let{inputs:t,attrs:n,backend:r}=e,i=t.x,a=r.dataIdMap.get(i.dataId).id;W(i.dtype===`float32`,()=>`Error in MaxPool: only float32 input is supported. Got ${i.dtype}.`);let{filterSize:o,strides:s,pad:c,dimRoundingMode:l}=n,u=nn(i.shape,o,s,1,c,l),d=u.filterHeight,f=u.filterWidth,p=u.padInfo.top,m=u.padInfo.right,h=u.padInfo.bottom,g=u.padInfo.left,_=u.dilationHeight,v=u.dilationWidth,y=u.strideHeight,b=u.strideWidth,x=u.inChannels,S=u.outChannels;if(u.dataFormat!==`channelsLast`)throw Error(`wasm backend does not support dataFormat:'${u.dataFormat}'. Please use 'channelsLast'.`);let C=r.makeOutput(u.outShape,`float32`),w=r.dataIdMap.get(C.dataId).id;return ns(a,i.shape[0],i.shape[1],i.shape[2],d,f,p,m,h,g,_,v,y,b,x,S,w),C}const as={kernelName:n,backendName:`wasm`,setupFunc:rs,kernelFunc:is};
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let os;function ss(e){os=e.wasm.cwrap(`MaxPool3D`,null,[`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`])}function cs(e){let{inputs:t,backend:n,attrs:r}=e,{x:i}=t,{filterSize:a,strides:o,pad:s,dimRoundingMode:c,dataFormat:l}=r,u=he(i.shape,a,o,1,s,c,l),d=n.makeOutput(u.outShape,i.dtype);return os(n.dataIdMap.get(i.dataId).id,n.dataIdMap.get(d.dataId).id,u.batchSize,u.inChannels,u.inDepth,u.inHeight,u.inWidth,u.outDepth,u.outHeight,u.outWidth,u.strideDepth,u.strideHeight,u.strideWidth,u.dilationDepth,u.dilationHeight,u.dilationWidth,u.effectiveFilterDepth,u.effectiveFilterHeight,u.effectiveFilterWidth,u.padInfo.front,u.padInfo.top,u.padInfo.left),d}const ls={kernelName:mt,backendName:`wasm`,setupFunc:ss,kernelFunc:cs};
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let us;function ds(e){us=e.wasm.cwrap(`MaxPool3DGrad`,null,[`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`])}function fs(e){let{inputs:t,backend:n,attrs:r}=e,{dy:i,input:a}=t,{filterSize:o,strides:s,pad:c,dimRoundingMode:l}=r,u=he(a.shape,o,s,1,c,l),d=n.makeOutput(a.shape,a.dtype);return us(n.dataIdMap.get(a.dataId).id,n.dataIdMap.get(i.dataId).id,n.dataIdMap.get(d.dataId).id,u.batchSize,u.inChannels,u.inDepth,u.inHeight,u.inWidth,u.outDepth,u.outHeight,u.outWidth,u.strideDepth,u.strideHeight,u.strideWidth,u.dilationDepth,u.dilationHeight,u.dilationWidth,u.effectiveFilterDepth,u.effectiveFilterHeight,u.effectiveFilterWidth,u.padInfo.front,u.padInfo.top,u.padInfo.left),d}const ps={kernelName:ne,backendName:`wasm`,setupFunc:ds,kernelFunc:fs};
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let ms;function hs(e){ms=e.wasm.cwrap(`MaxPoolGrad`,null,[`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`])}function gs(e){let{inputs:t,backend:n,attrs:r}=e,{dy:i,input:a}=t,{filterSize:o,strides:s,pad:c,dimRoundingMode:l}=r,u=nn(a.shape,o,s,1,c,l),d=n.makeOutput(a.shape,a.dtype);return ms(n.dataIdMap.get(a.dataId).id,n.dataIdMap.get(i.dataId).id,n.dataIdMap.get(d.dataId).id,u.batchSize,u.inChannels,u.inHeight,u.inWidth,u.outHeight,u.outWidth,u.strideHeight,u.strideWidth,u.dilationHeight,u.dilationWidth,u.effectiveFilterHeight,u.effectiveFilterWidth,u.padInfo.top,u.padInfo.left),d}const _s={kernelName:ae,backendName:`wasm`,setupFunc:hs,kernelFunc:gs};
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let vs;function ys(e){vs=e.wasm.cwrap(`MaxPoolWithArgmax`,null,[`number`,`number`,`number`,`number`,`boolean`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`])}function bs(e){let{inputs:t,backend:n,attrs:r}=e,{x:i}=t,{filterSize:a,strides:o,pad:s,includeBatchInIndex:c}=r;W(i.shape.length===4,()=>`Error in maxPool: input must be rank 4 but got rank ${i.shape.length}.`);let l=[1,1];W(Zt(o,l),()=>`Error in maxPool: Either strides or dilations must be 1. Got strides ${o} and dilations '${l}'`);let u=nn(i.shape,a,o,[1,1],s),d=n.makeOutput(u.outShape,i.dtype),f=n.makeOutput(u.outShape,`int32`);return vs(n.dataIdMap.get(i.dataId).id,n.dataIdMap.get(d.dataId).id,n.dataIdMap.get(f.dataId).id,q[i.dtype],c,u.batchSize,u.inChannels,u.inHeight,u.inWidth,u.outHeight,u.outWidth,u.strideHeight,u.strideWidth,u.dilationHeight,u.dilationWidth,u.effectiveFilterHeight,u.effectiveFilterWidth,u.padInfo.top,u.padInfo.left),[d,f]}const xs={kernelName:le,backendName:`wasm`,setupFunc:ys,kernelFunc:bs};
/**
* @license
* Copyright 2020 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let Ss;function Cs(e){Ss=e.wasm.cwrap(T,null,[`number, number, number`])}function ws(e){let{backend:t,inputs:n,attrs:r}=e,{axis:i,keepDims:a}=r,{x:o}=n,s=t.dataIdMap.get(o.dataId).id,c=s,l=o,{transposed:u,axes:d,originalAxes:f,inputWasTransposed:p}=Z(o,i,t),m=d;if(p){let e=t.dataIdMap.get(u.dataId).id;e!==s&&(l=u,c=e,m=et(m.length,l.shape.length))}U(`mean`,m,l.shape.length);let[h,g]=G(l.shape,m),_=V(g),v=l;l.dtype!==`float32`&&(v=$({backend:t,inputs:{x:l},attrs:{dtype:`float32`}}),c=t.dataIdMap.get(v.dataId).id);let y=t.makeOutput(h,`float32`);if(V(l.shape)!==0){let e=t.dataIdMap.get(y.dataId).id;Ss(c,_,e)}return p&&t.disposeData(u.dataId),a&&(y.shape=Ut(y.shape,f)),l.dtype!==`float32`&&t.disposeData(v.dataId),y}const Ts={kernelName:T,backendName:`wasm`,setupFunc:Cs,kernelFunc:ws};
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let Es;function Ds(e){Es=e.wasm.cwrap(`Min`,null,[`number`,`number`,`number`,`number`])}function Os(e){let{backend:t,inputs:n,attrs:r}=e,{axis:i,keepDims:a}=r,{x:o}=n,s=t.dataIdMap.get(o.dataId).id,c=s,l=o,{transposed:u,axes:d,originalAxes:f,inputWasTransposed:p}=Z(o,i,t);if(p){let e=t.dataIdMap.get(u.dataId).id;e!==s&&(l=u,c=e)}let m=l.shape.length;U(`min`,d,m);let[h,g]=G(l.shape,d),_=V(g),v=t.makeOutput(h,l.dtype);if(V(l.shape)!==0){let e=t.dataIdMap.get(v.dataId).id;Es(c,q[o.dtype],_,e)}return p&&t.disposeData(u.dataId),a&&(v.shape=Ut(v.shape,f)),v}const ks={kernelName:`Min`,backendName:`wasm`,setupFunc:Ds,kernelFunc:Os},As=Y(ee,!1)
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
;
/**
* @license
* Copyright 2021 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
var js;(function(e){e[e.reflect=0]=`reflect`,e[e.symmetric=1]=`symmetric`})(js||={});let Ms;function Ns(e){Ms=e.wasm.cwrap(pe,null,[`number`,`array`,`number`,`number`,`array`,`array`,`number`,`number`])}function Ps(e){let{inputs:{x:t},backend:n,attrs:{paddings:r,mode:i}}=e,a=r.map((e,n)=>e[0]+t.shape[n]+e[1]),o=n.dataIdMap.get(t.dataId).id,s=n.makeOutput(a,t.dtype),c=n.dataIdMap.get(s.dataId).id,l=new Uint8Array(new Int32Array(t.shape).buffer),u=r.map(e=>e[0]),d=r.map(e=>e[1]),f=new Uint8Array(new Int32Array(u).buffer),p=new Uint8Array(new Int32Array(d).buffer);return Ms(o,l,t.shape.length,q[t.dtype],f,p,js[i],c),s}const Fs={kernelName:pe,backendName:`wasm`,kernelFunc:Ps,setupFunc:Ns};
/**
* @license
* Copyright 2020 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let Is;function Ls(e){Is=e.wasm.cwrap(u,null,[`number`,`number`,`number`,`number`])}function Rs(e){let{backend:t,inputs:{logits:n},attrs:{dim:r}}=e,i=t.dataIdMap.get(n.dataId).id,a=t.makeOutput(n.shape,n.dtype),o=t.dataIdMap.get(a.dataId).id,s=n.shape[r],c=V(n.shape)/s;return V(a.shape)===0||Is(i,o,s,c),a}const zs={kernelName:u,backendName:`wasm`,setupFunc:Ls,kernelFunc:Rs};
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let Bs;function Vs(e){Bs=e.wasm.cwrap(fn,null,[`number`,`number`,`number`,`number`,`number`,`number`])}function Hs(e){let{inputs:t,backend:n,attrs:r}=e,{logits:i}=t,{numSamples:a,seed:o,normalized:s}=r;if(i.dtype!==`float32`)throw Error(`Tensor logits must have dtype float32, got ${i.dtype}`);let c=s?i:Rs({inputs:{logits:i},backend:n,attrs:{dim:i.shape.length-1}}),[l,u]=c.shape,d=n.makeOutput([l,a],`int32`);return Bs(n.dataIdMap.get(c.dataId).id,l,u,a,o,n.dataIdMap.get(d.dataId).id),s||n.disposeData(c.dataId),d}const Us={kernelName:fn,backendName:`wasm`,setupFunc:Vs,kernelFunc:Hs},Ws=Y(`Mod`,!0),Gs=Y(i,!0),Ks=J(`Neg`)
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
/**
* @license
* Copyright 2020 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
;
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
function qs(e,t){let n=new Int32Array(e.wasm.HEAPU8.buffer,t,4),r=n[0],i=n[1],a=n[2],o=n[3];return e.wasm._free(t),{pSelectedIndices:r,selectedSize:i,pSelectedScores:a,pValidOutputs:o}}
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let Js;function Ys(e){Js=e.wasm.cwrap(we,`number`,[`number`,`number`,`number`,`number`,`number`])}function Xs(e){let{backend:t,inputs:n,attrs:r}=e,{iouThreshold:i,maxOutputSize:a,scoreThreshold:o}=r,{boxes:s,scores:c}=n,l=t.dataIdMap.get(s.dataId).id,u=t.dataIdMap.get(c.dataId).id,{pSelectedIndices:d,selectedSize:f,pSelectedScores:p,pValidOutputs:m}=qs(t,Js(l,u,a,i,o));return t.wasm._free(p),t.wasm._free(m),t.makeOutput([f],`int32`,d)}const Zs={kernelName:we,backendName:`wasm`,setupFunc:Ys,kernelFunc:Xs};
/**
* @license
* Copyright 2020 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let Qs;function $s(e){Qs=e.wasm.cwrap(S,`number`,[`number`,`number`,`number`,`number`,`number`,`bool`])}function ec(e){let{backend:t,inputs:n,attrs:r}=e,{iouThreshold:i,maxOutputSize:a,scoreThreshold:o,padToMaxOutputSize:s}=r,{boxes:c,scores:l}=n,u=t.dataIdMap.get(c.dataId).id,d=t.dataIdMap.get(l.dataId).id,{pSelectedIndices:f,selectedSize:p,pSelectedScores:m,pValidOutputs:h}=qs(t,Qs(u,d,a,i,o,s));return t.wasm._free(m),[t.makeOutput([p],`int32`,f),t.makeOutput([],`int32`,h)]}const tc={kernelName:S,backendName:`wasm`,setupFunc:$s,kernelFunc:ec};
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let nc;function rc(e){nc=e.wasm.cwrap(z,`number`,[`number`,`number`,`number`,`number`,`number`,`number`])}function ic(e){let{backend:t,inputs:n,attrs:r}=e,{iouThreshold:i,maxOutputSize:a,scoreThreshold:o,softNmsSigma:s}=r,{boxes:c,scores:l}=n,u=t.dataIdMap.get(c.dataId).id,d=t.dataIdMap.get(l.dataId).id,{pSelectedIndices:f,selectedSize:p,pSelectedScores:m,pValidOutputs:h}=qs(t,nc(u,d,a,i,o,s));return t.wasm._free(h),[t.makeOutput([p],`int32`,f),t.makeOutput([p],`float32`,m)]}const ac={kernelName:z,backendName:`wasm`,setupFunc:rc,kernelFunc:ic},oc=Y(De,!1,`bool`)
/**
* @license
* Copyright 2020 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
;
/**
* @license
* Copyright 2020 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let sc;function cc(e){sc=e.wasm.cwrap(b,null,[`number`,`number`,`number`,`number`,`number`])}function lc(e){let{inputs:t,backend:n,attrs:r}=e,{indices:i}=t,{dtype:a,depth:o,onValue:s,offValue:c}=r,l=n.makeOutput([...i.shape,o],a),u=n.dataIdMap.get(l.dataId).id,d=n.dataIdMap.get(i.dataId).id;return sc(d,o,s,c,u),l}const uc={kernelName:b,backendName:`wasm`,setupFunc:cc,kernelFunc:lc};
/**
* @license
* Copyright 2020 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
function dc(e){let{inputs:{x:t},backend:n}=e,r=n.makeOutput(t.shape,t.dtype);return n.typedArrayFromHeap(r).fill(1),r}const fc={kernelName:j,backendName:`wasm`,kernelFunc:dc};
/**
* @license
* Copyright 2020 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
function pc(e){let{inputs:t,backend:n,attrs:r}=e,{axis:i}=r;if(t.length===1)return Wa({inputs:{input:t[0]},backend:n,attrs:{dim:i}});let a=t[0].shape,o=t[0].dtype;t.forEach(e=>{It(a,e.shape,`All tensors passed to stack must have matching shapes`),W(o===e.dtype,()=>`All tensors passed to stack must have matching dtypes`)});let s=[],c=Ti({inputs:t.map(e=>{let t=Wa({inputs:{input:e},backend:n,attrs:{dim:i}});return s.push(t),t}),backend:n,attrs:{axis:i}});return s.forEach(e=>n.disposeData(e.dataId)),c}const mc={kernelName:Nt,backendName:`wasm`,kernelFunc:pc};
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let hc;function gc(e){hc=e.wasm.cwrap(O,null,[`number`,`array`,`number`,`number`,`array`,`array`,`number`,`number`])}function _c(e){let{inputs:{x:t},backend:n,attrs:{paddings:r,constantValue:i}}=e,a=r.map((e,n)=>e[0]+t.shape[n]+e[1]);if(V(t.shape)===0)return qa({backend:n,attrs:{shape:a,value:i,dtype:t.dtype}});let o=n.dataIdMap.get(t.dataId).id,s=n.makeOutput(a,t.dtype),c=n.dataIdMap.get(s.dataId).id,l=new Uint8Array(new Int32Array(t.shape).buffer),u=r.map(e=>e[0]),d=r.map(e=>e[1]),f=new Uint8Array(new Int32Array(u).buffer),p=new Uint8Array(new Int32Array(d).buffer);return hc(o,l,t.shape.length,q[t.dtype],f,p,i,c),s}const vc={kernelName:O,backendName:`wasm`,kernelFunc:_c,setupFunc:gc},yc=Y(`Pow`,!1)
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
;
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let bc;function xc(e){bc=e.wasm.cwrap(Me,null,[`number`,`number`,`number`])}function Sc(e){let{inputs:t,backend:n}=e,{x:r,alpha:i}=t,a=n.dataIdMap.get(r.dataId).id,o=n.dataIdMap.get(i.dataId).id,s=a,c=r,l=c;c.dtype!==`float32`&&(l=$({backend:n,inputs:{x:r},attrs:{dtype:`float32`}}),s=n.dataIdMap.get(l.dataId).id);let u=n.makeOutput(r.shape,`float32`),d=n.dataIdMap.get(u.dataId).id;return bc(s,o,d),c.dtype!==`float32`&&n.disposeData(l.dataId),u}const Cc={kernelName:Me,backendName:`wasm`,setupFunc:xc,kernelFunc:Sc};
/**
* @license
* Copyright 2020 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let wc;function Tc(e){wc=e.wasm.cwrap(B,null,[`number`,`number`,`number`,`number`])}function Ec(e){let{backend:t,inputs:n,attrs:r}=e,{axis:i,keepDims:a}=r,{x:o}=n,s=t.dataIdMap.get(o.dataId).id,c=s,l=o,{transposed:u,axes:d,originalAxes:f,inputWasTransposed:p}=Z(o,i,t),m=d;if(p){let e=t.dataIdMap.get(u.dataId).id;e!==s&&(l=u,c=e,m=et(m.length,l.shape.length))}U(`prod`,m,l.shape.length);let[h,g]=G(l.shape,m),_=V(g),v=t.makeOutput(h,l.dtype);if(V(l.shape)!==0){let e=t.dataIdMap.get(v.dataId).id;wc(c,_,q[v.dtype],e)}return p&&t.disposeData(u.dataId),a&&(v.shape=Ut(v.shape,f)),v}const Dc={kernelName:B,backendName:`wasm`,setupFunc:Tc,kernelFunc:Ec},Oc={kernelName:Qe,backendName:`wasm`,kernelFunc:e=>{
/**
* @license
* Copyright 2020 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let{backend:t,attrs:n}=e,{start:r,stop:i,step:a,dtype:o}=n,s=Nn(r,i,a,o),c=t.makeOutput([s.length],o);return t.typedArrayFromHeap(c).set(s),c}},kc=Y(Tt,!0),Ac=J(Rt),jc=J(pt),Mc=J(ze)
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
/**
* @license
* Copyright 2022 The TensorFlow Authors. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
;
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let Nc;function Pc(e){Nc=e.wasm.cwrap(Bt,null,[`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`])}function Fc(e){let{backend:t,inputs:n,attrs:r}=e,{images:i}=n,{alignCorners:a,halfPixelCenters:o,size:s}=r,[c,l]=s,[u,d,f,p]=i.shape,m=[u,c,l,p],h=t.dataIdMap.get(i.dataId),g;h.dtype!==`float32`&&(g=$({backend:t,inputs:{x:i},attrs:{dtype:`float32`}}),h=t.dataIdMap.get(g.dataId));let _=h.id,v=t.makeOutput(m,`float32`);if(V(i.shape)===0)return v;let y=t.dataIdMap.get(v.dataId).id;return Nc(_,u,d,f,p,c,l,+!!a,+!!o,y),g!=null&&t.disposeData(g.dataId),v}const Ic={kernelName:Bt,backendName:`wasm`,setupFunc:Pc,kernelFunc:Fc};
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let Lc;function Rc(e){Lc=e.wasm.cwrap(Ge,null,[`number`,`number`,`number`,`array`,`array`,`boolean`])}function zc(e){let{inputs:t,backend:n,attrs:r}=e,{images:i,dy:a}=t,{alignCorners:o}=r,s=n.makeOutput(i.shape,`float32`),c=n.dataIdMap.get(i.dataId),l;return c.dtype!==`float32`&&(l=$({backend:n,inputs:{x:i},attrs:{dtype:`float32`}}),c=n.dataIdMap.get(l.dataId)),Lc(n.dataIdMap.get(i.dataId).id,n.dataIdMap.get(a.dataId).id,n.dataIdMap.get(s.dataId).id,new Uint8Array(new Int32Array(i.shape).buffer),new Uint8Array(new Int32Array(a.shape).buffer),o),l!=null&&n.disposeData(l.dataId),s}const Bc={kernelName:Ge,backendName:`wasm`,setupFunc:Rc,kernelFunc:zc};
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the 'License');
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an 'AS IS' BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let Vc;function Hc(e){Vc=e.wasm.cwrap(bt,null,[`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`])}function Uc(e){let{backend:t,inputs:n,attrs:r}=e,{images:i}=n,{alignCorners:a,halfPixelCenters:o,size:s}=r,[c,l]=s,[u,d,f,p]=i.shape,m=[u,c,l,p],h=t.makeOutput(m,`float32`);if(V(i.shape)===0)return h;let g=t.dataIdMap.get(i.dataId),_;g.dtype!==`float32`&&(_=$({backend:t,inputs:{x:i},attrs:{dtype:`float32`}}),g=t.dataIdMap.get(_.dataId));let v=g.id,y=t.dataIdMap.get(h.dataId).id;return Vc(v,u,d,f,p,c,l,+!!a,+!!o,y),_!=null&&t.disposeData(_.dataId),h}const Wc={kernelName:bt,backendName:`wasm`,setupFunc:Hc,kernelFunc:Uc};
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let Gc;function Kc(e){Gc=e.wasm.cwrap(Gt,null,[`number`,`number`,`number`,`array`,`array`,`boolean`])}function qc(e){let{inputs:t,backend:n,attrs:r}=e,{images:i,dy:a}=t,{alignCorners:o}=r,s=n.makeOutput(i.shape,`float32`),c=n.dataIdMap.get(i.dataId),l;return c.dtype!==`float32`&&(l=$({backend:n,inputs:{x:i},attrs:{dtype:`float32`}}),c=n.dataIdMap.get(l.dataId)),Gc(n.dataIdMap.get(i.dataId).id,n.dataIdMap.get(a.dataId).id,n.dataIdMap.get(s.dataId).id,new Uint8Array(new Int32Array(i.shape).buffer),new Uint8Array(new Int32Array(a.shape).buffer),o),l!=null&&n.disposeData(l.dataId),s}const Jc={kernelName:Gt,backendName:`wasm`,setupFunc:Kc,kernelFunc:qc};
/**
* @license
* Copyright 2020 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let Yc;function Xc(e){Yc=e.wasm.cwrap(Ye,null,[`number`,`array`,`number`,`array`,`number`,`number`])}function Zc(e){let{inputs:t,backend:n,attrs:r}=e,{x:i}=t,{dims:a}=r,o=cn(a,i.shape);if(i.shape.length===0)return hr({inputs:{x:i},backend:n});let s=n.makeOutput(i.shape,i.dtype),c=n.dataIdMap.get(i.dataId).id,l=n.dataIdMap.get(s.dataId).id,u=new Uint8Array(new Int32Array(o).buffer),d=new Uint8Array(new Int32Array(i.shape).buffer);Yc(c,u,o.length,d,i.shape.length,l);let f=Q({inputs:{x:s},attrs:{shape:i.shape},backend:n});return n.disposeData(s.dataId),f}const Qc={kernelName:Ye,backendName:`wasm`,kernelFunc:Zc,setupFunc:Xc};
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let $c;function el(e){$c=e.wasm.cwrap(rt,null,[`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`array`,`number`,`number`])}function tl(e){let{inputs:t,backend:n,attrs:r}=e,{image:i}=t,{radians:a,fillValue:o,center:s}=r,c=n.makeOutput(i.shape,i.dtype),l=n.dataIdMap.get(i.dataId).id,u=n.dataIdMap.get(c.dataId).id,[d,f,p,m]=i.shape,[h,g]=Cn(s,f,p),_=typeof o==`number`?[o,o,o,o===0?0:255]:[...o,255],v=new Uint8Array(new Int32Array(_).buffer);return $c(l,d,f,p,m,a,h,g,v,_.length,u),c}const nl={kernelName:rt,backendName:`wasm`,kernelFunc:tl,setupFunc:el},rl=J(jt),il=J(St)
/**
* @license
* Copyright 2021 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
;
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let al;function ol(e){al=e.wasm.cwrap(lt,null,[`number`,`number`,`number`,`number`,`number`,`number`,`array`,`number`,`number`])}function sl(e){let{backend:t,inputs:n,attrs:r}=e,{indices:i,updates:a}=n,{shape:o}=r,s=t.makeOutput(o,a.dtype);if(V(o)===0)return s;let{sliceRank:c,numUpdates:l,sliceSize:u,strides:d,outputSize:f}=An(a,i,o),p=t.dataIdMap.get(i.dataId).id,m=t.dataIdMap.get(a.dataId).id,h=new Uint8Array(new Int32Array(d).buffer),g=t.dataIdMap.get(s.dataId).id;return al(p,m,q[a.dtype],c,l,u,h,f,g),s}const cl={kernelName:lt,backendName:`wasm`,setupFunc:ol,kernelFunc:sl};
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let ll;function ul(e){ll=e.wasm.cwrap(at,null,[`number`,`number`,`number`,`number`,`number`,`number`,`bool`,`number`])}function dl(e){let{inputs:t,backend:n,attrs:r}=e,{sortedSequence:i,values:a}=t,{side:o}=r;if(i.dtype!==a.dtype)throw Error(`SearchSorted error: sorted_sequence must have the same dtype as values. Got ${i.dtype} and ${a.dtype}`);let s=n.makeOutput(a.shape,`int32`);function c(e){return n.dataIdMap.get(e.dataId).id}return ll(c(i),c(a),i.shape[0],i.shape[1],a.shape[1],q[i.dtype],o===`left`,c(s)),s}const fl={kernelName:at,backendName:`wasm`,setupFunc:ul,kernelFunc:dl};
/**
* @license
* Copyright 2020 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let pl;function ml(e){pl=e.wasm.cwrap(`SelectV2`,null,[`number`,`number`,`number`,`number`,`number`])}function hl(e){let{inputs:t,backend:n}=e,{condition:r,t:i,e:a}=t,o=n.dataIdMap.get(r.dataId).id,s=n.dataIdMap.get(i.dataId).id,c=n.dataIdMap.get(a.dataId).id,l=n.makeOutput(i.shape,i.dtype),u=n.dataIdMap.get(l.dataId).id,d=r.shape.length,f=i.shape.length,p=d===0||d>1||f===1?1:V(i.shape.slice(1));return pl(o,s,c,p,u),l}const gl={kernelName:Ie,backendName:`wasm`,kernelFunc:hl,setupFunc:ml},_l=J(Yt)
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
;
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let vl;function yl(e){vl=e.wasm.cwrap(un,null,[`number`,`number`])}function bl(e){let{backend:t,inputs:{x:n}}=e,r=t.dataIdMap.get(n.dataId).id,i=t.makeOutput(n.shape,n.dtype),a=t.dataIdMap.get(i.dataId).id;return V(i.shape)===0||vl(r,a),i}const xl={kernelName:`Sigmoid`,backendName:`wasm`,setupFunc:yl,kernelFunc:bl},Sl=J(H),Cl=J(`Sin`),wl=J(an),Tl=J(en)
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
;
/**
* @license
* Copyright 2021 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
function El(e){let{inputs:t,backend:n,attrs:r}=e,{x:i}=t,{blockShape:a,paddings:o}=r,s=V(a),c=[[0,0]];c.push(...o);for(let e=1+a.length;e<i.shape.length;++e)c.push([0,0]);let l=vc.kernelFunc({inputs:{x:i},backend:n,attrs:{paddings:c,constantValue:0}}),u=Tn(l.shape,a,s,!1),d=vn(u.length,a.length,!1),f=zn(l.shape,a,s,!1),p=Q({inputs:{x:l},backend:n,attrs:{shape:u}}),m=X({inputs:{x:p},backend:n,attrs:{perm:d}}),h=Q({inputs:{x:m},backend:n,attrs:{shape:f}});return n.disposeData(l.dataId),n.disposeData(p.dataId),n.disposeData(m.dataId),h}const Dl={kernelName:be,backendName:`wasm`,kernelFunc:El};
/**
* @license
* Copyright 2021 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let Ol;function kl(e){Ol=e.wasm.cwrap(`SparseFillEmptyRows`,`number`,[`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`])}function Al(e){let{backend:t,inputs:n}=e,{indices:r,values:i,denseShape:a,defaultValue:o}=n,s=r.shape[0],c=r.shape[1],l=t.readSync(a.dataId)[0],u=[s+l,c],d=t.dataIdMap.get(r.dataId).id,f=t.dataIdMap.get(i.dataId).id,p=t.dataIdMap.get(o.dataId).id,m=t.makeOutput(u,r.dtype),h=t.dataIdMap.get(m.dataId).id,g=t.makeOutput(u.slice(0,1),i.dtype),_=t.dataIdMap.get(g.dataId).id,v=t.makeOutput([l],`bool`),y=t.dataIdMap.get(v.dataId).id,b=t.makeOutput([s],r.dtype),x=t.dataIdMap.get(b.dataId).id,S=t.makeOutput([4],`int32`),C=t.dataIdMap.get(S.dataId).id,w=Ol(d,f,q[i.dtype],s,l,c,p,h,_,y,x,C),T=t.readSync(S.dataId),E;switch(T[0]){case 1:E=_n(T[1]);break;case 2:E=Jn(T[1],T[2]);break;case 3:E=kn(T[1],T[2],T[3]);break;default:E=``}if(t.disposeData(S.dataId),E)throw t.disposeData(m.dataId),t.disposeData(g.dataId),t.disposeData(v.dataId),t.disposeData(b.dataId),Error(E);let D=m,O=g;return w!==u[0]&&(D=ai({inputs:{x:m},attrs:{begin:0,size:[w,c]},backend:t}),O=ai({inputs:{x:g},attrs:{begin:0,size:w},backend:t}),t.disposeData(m.dataId),t.disposeData(g.dataId)),[D,O,v,b]}const jl={kernelName:g,backendName:`wasm`,setupFunc:kl,kernelFunc:Al};
/**
* @license
* Copyright 2021 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let Ml;function Nl(e){Ml=e.wasm.cwrap(p,null,[`number`,`number`,`number`,`number`,`number`,`number`,`number`])}function Pl(e){let{backend:t,inputs:n}=e,{inputIndices:r,inputShape:i,newShape:a}=n;if(r.shape.length!==2)throw Error(`Input indices should be a matrix but received shape
        ${r.shape}`);if(i.shape.length!==1)throw Error(`Input shape should be a vector but received shape
        ${i.shape}`);if(a.shape.length!==1)throw Error(`Target shape should be a vector but received shape ${a.shape}`);let o=t.dataIdMap.get(r.dataId).id,s=t.dataIdMap.get(i.dataId).id,c=t.dataIdMap.get(a.dataId).id,l=r.shape[0],u=V(a.shape),d=t.makeOutput([l,u],r.dtype),f=t.dataIdMap.get(d.dataId).id,p=t.makeOutput([u],a.dtype),m=t.dataIdMap.get(p.dataId).id,h=t.makeOutput([3],`int32`),g=t.dataIdMap.get(h.dataId).id;Ml(o,s,c,l,f,m,g);let _=t.readSync(h.dataId),v;switch(_[0]){case 0:v=Yn(_[1],_[2]);break;case 1:v=On(_[1],_[2]);break;case 2:v=qn();break;case 3:{let e=Array.from(t.readSync(i.dataId)),n=Array.from(t.readSync(p.dataId));v=Mn(e,n);break}case 4:{let e=Array.from(t.readSync(i.dataId)),n=Array.from(t.readSync(p.dataId));v=Xn(e,n);break}default:v=``}if(t.disposeData(h.dataId),v)throw t.disposeData(d.dataId),t.disposeData(p.dataId),Error(v);return[d,p]}const Fl={kernelName:p,backendName:`wasm`,setupFunc:Nl,kernelFunc:Pl};
/**
* @license
* Copyright 2021 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let Il;function Ll(e){Il=e.wasm.cwrap(`SparseSegmentReduction`,null,[`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`])}function Rl(e,t){let{backend:n,inputs:r}=e,{data:i,indices:a,segmentIds:o}=r,s=a.shape[0],c=n.readSync(o.dataId,s-1,s)[0],l=s>0?c+1:0;if(l<0)throw Error(In());let u=i.shape.slice();u[0]=l;let d=n.dataIdMap.get(i.dataId).id,f=n.dataIdMap.get(a.dataId).id,p=n.dataIdMap.get(o.dataId).id,m=n.makeOutput(u,i.dtype),h=n.dataIdMap.get(m.dataId).id,g=n.makeOutput([4],`int32`),_=n.dataIdMap.get(g.dataId).id;Il(d,q[i.dtype],i.shape[0],f,p,h,_,t,0);let v=n.readSync(g.dataId),y;switch(v[0]){case 0:y=In();break;case 1:y=Fn();break;case 2:y=jn(v[1],v[2]);break;case 3:y=Vn(v[1],v[2],v[3]);break;default:y=``}if(n.disposeData(g.dataId),y)throw n.disposeData(m.dataId),Error(y);return m}
/**
* @license
* Copyright 2021 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
function zl(e){return Rl(e,!0)}const Bl={kernelName:I,backendName:`wasm`,setupFunc:Ll,kernelFunc:zl};
/**
* @license
* Copyright 2021 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
function Vl(e){return Rl(e,!1)}const Hl={kernelName:vt,backendName:`wasm`,setupFunc:Ll,kernelFunc:Vl};
/**
* @license
* Copyright 2021 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let Ul;function Wl(e){Ul=e.wasm.cwrap(r,null,[`number`,`number`,`number`,`number`,`number`,`number`,`number`,`number`,`array`,`number`,`number`])}function Gl(e){let{backend:t,inputs:n,attrs:r}=e,{sparseIndices:i,sparseValues:a,defaultValue:o}=n,{outputShape:s}=r,c=t.makeOutput(s,o.dtype);if(V(s)===0)return c;let{sliceRank:l,numUpdates:u,sliceSize:d,strides:f,outputSize:p}=An(a,i,s),m=t.dataIdMap.get(i.dataId).id,h=t.dataIdMap.get(a.dataId).id,g=t.dataIdMap.get(o.dataId).id,_=new Uint8Array(new Int32Array(f).buffer),v=t.dataIdMap.get(c.dataId).id;return Ul(m,h,a.shape.length,g,q[o.dtype],l,u,d,_,p,v),c}const Kl={kernelName:r,backendName:`wasm`,setupFunc:Wl,kernelFunc:Gl};
/**
* @license
* Copyright 2020 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
function ql(e){let{inputs:t,attrs:n,backend:r}=e,{x:i}=t,{numOrSizeSplits:a,axis:o}=n,s=cn(o,i.shape)[0],c=yn(i,a,s),l=Array(i.shape.length).fill(0),u=i.shape.slice();return c.map(e=>{let t=[...u];t[s]=e;let n=ai({inputs:{x:i},attrs:{begin:l,size:t},backend:r});return l[s]+=e,n})}const Jl={kernelName:ht,backendName:`wasm`,kernelFunc:ql},Yl=J(re),Xl=J(oe),Zl=Y(ue,!0)
/**
* @license
* Copyright 2020 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
;
/**
* @license
* Copyright 2020 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let Ql;function $l(e){Ql=e.wasm.cwrap(E,null,[`number`,`number`,`number`,`number`])}function eu(e){let{backend:t,inputs:n,attrs:r}=e,{alpha:i}=r,{x:a}=n,o=t.dataIdMap.get(a.dataId).id,s=t.makeOutput(a.shape,a.dtype),c=t.dataIdMap.get(s.dataId).id;return Ql(o,i,q[a.dtype],c),s}const tu={kernelName:E,backendName:`wasm`,setupFunc:$l,kernelFunc:eu};
/**
* @license
* Copyright 2021 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let nu;function ru(e){nu=e.wasm.cwrap(N,null,[`number`,`array`,`number`,`array`,`array`,`array`,`array`,`array`,`number`,`number`])}function iu(e){let{backend:t,inputs:n,attrs:r}=e,{x:i}=n,{begin:a,end:o,strides:s,beginMask:c,endMask:l,ellipsisMask:u,newAxisMask:d,shrinkAxisMask:f}=r,{finalShapeSparse:p,finalShape:m,isIdentity:h,sliceDim0:g,isSimpleSlice:_,begin:v,end:y,strides:b}=Zn(i.shape,a,o,s,c,l,u,d,f),x;if(h)x=Q({inputs:{x:i},backend:t,attrs:{shape:m}});else if(g||_){W(i.shape.length>=1,()=>`Input must have rank at least 1, got: ${i.shape.length}`);let e=xn(v,y,b),n=ai({inputs:{x:i},backend:t,attrs:{begin:v,size:e}});x=Q({inputs:{x:n},backend:t,attrs:{shape:m}}),t.disposeData(n.dataId)}else{let e=t.makeOutput(p,`float32`),n=t.dataIdMap.get(i.dataId).id,r=new Uint8Array(new Int32Array(K(i.shape)).buffer),a=new Uint8Array(new Int32Array(v).buffer),o=new Uint8Array(new Int32Array(y).buffer),s=new Uint8Array(new Int32Array(b).buffer),c=new Uint8Array(new Int32Array(p).buffer),l=new Uint8Array(new Int32Array(K(p)).buffer),u=t.dataIdMap.get(e.dataId).id;nu(n,r,i.shape.length,a,o,s,c,l,p.length,u),x=Q({inputs:{x:e},backend:t,attrs:{shape:m}}),t.disposeData(e.dataId)}return x}const au={kernelName:N,backendName:`wasm`,setupFunc:ru,kernelFunc:iu};
/**
* @license
* Copyright 2021 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
function ou(e){let{backend:t,inputs:n,attrs:r}=e,{data:i,dataSplits:a}=n,{separator:o,nGramWidths:s,leftPad:c,rightPad:l,padWidth:u,preserveShortSequences:d}=r,f=t.readSync(i.dataId),p=t.readSync(a.dataId),[m,h]=Ln(f,p,o,s,c,l,u,d),g=t.makeOutput([m.length],`string`),_=t.dataIdMap.get(g.dataId);_.stringBytes=m;let v=t.makeOutput(a.shape,`int32`);return t.typedArrayFromHeap(v).set(h),[g,v]}const su={kernelName:R,backendName:`wasm`,kernelFunc:ou};
/**
* @license
* Copyright 2021 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
function cu(e){let{backend:t,inputs:n,attrs:r}=e,{input:i,delimiter:a}=n,{skipEmpty:o}=r,s=t.readSync(i.dataId),c=t.readSync(a.dataId),[l,u,d]=Wn(s,c[0],o),f=u.length,p=t.makeOutput([f,2],`int32`);t.typedArrayFromHeap(p).set(l);let m=t.makeOutput([f],`string`),h=t.dataIdMap.get(m.dataId);h.stringBytes=u;let g=t.makeOutput([2],`int32`);return t.typedArrayFromHeap(g).set(d),[p,m,g]}const lu={kernelName:pn,backendName:`wasm`,kernelFunc:cu};
/**
* @license
* Copyright 2021 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
function uu(e){let{backend:t,inputs:n,attrs:r}=e,{input:i}=n,{numBuckets:a}=r,o=t.readSync(i.dataId),s=Hn(o,a),c=t.makeOutput(i.shape,`int32`);return t.typedArrayFromHeap(c).set(s),c}const du={kernelName:a,backendName:`wasm`,kernelFunc:uu},fu=Y(`Sub`,!0)
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
;
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let pu;function mu(e){pu=e.wasm.cwrap(`Sum`,null,[`number`,`number`,`number`,`number`])}function hu(e){let{backend:t,inputs:n,attrs:r}=e,{axis:i,keepDims:a}=r,{x:o}=n,s=t.dataIdMap.get(o.dataId).id,c=s,l=o,{transposed:u,axes:d,originalAxes:f,inputWasTransposed:p}=Z(o,i,t),m=d;if(p){let e=t.dataIdMap.get(u.dataId).id;e!==s&&(l=u,c=e,m=et(m.length,l.shape.length))}U(`sum`,m,l.shape.length);let[h,g]=G(l.shape,m),_=V(g),v=t.makeOutput(h,l.dtype);if(V(l.shape)!==0){let e=t.dataIdMap.get(v.dataId).id;pu(c,_,q[v.dtype],e)}return p&&t.disposeData(u.dataId),a&&(v.shape=Ut(v.shape,f)),v}const gu={kernelName:`Sum`,backendName:`wasm`,setupFunc:mu,kernelFunc:hu},_u=J(`Tan`),vu=J(Te)
/**
* @license
* Copyright 2021 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
;
/**
* @license
* Copyright 2022 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let yu;function bu(e){yu=e.wasm.cwrap(C,null,[`number`,`number`,`number`,`number`,`number`,`number`,`array`,`number`,`number`,`number`])}function xu(e){let{backend:t,inputs:n,attrs:r}=e,{tensor:i,indices:a,updates:o}=n,{}=r,s=t.makeOutput(i.shape,i.dtype);if(V(i.shape)===0)return s;let{sliceRank:c,numUpdates:l,sliceSize:u,strides:d,outputSize:f}=An(o,a,i.shape),p=t.dataIdMap.get(a.dataId).id,m=t.dataIdMap.get(o.dataId).id,h=t.dataIdMap.get(i.dataId).id,g=new Uint8Array(new Int32Array(d).buffer),_=t.dataIdMap.get(s.dataId).id;return yu(p,m,q[o.dtype],c,l,u,g,f,_,h),s}const Su={kernelName:C,backendName:`wasm`,setupFunc:bu,kernelFunc:xu};
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let Cu;function wu(e){Cu=e.wasm.cwrap(Se,null,[`number`,`array`,`number`,`array`,`number`,`number`])}function Tu(e){let{inputs:t,backend:n,attrs:r}=e,{x:i}=t,a=n.dataIdMap.get(i.dataId).id,{reps:o}=r,s=Array(i.shape.length);for(let e=0;e<s.length;e++)s[e]=i.shape[e]*o[e];let c=new Uint8Array(new Int32Array(i.shape).buffer),l=new Uint8Array(new Int32Array(s).buffer),u=n.makeOutput(s,i.dtype),d=n.dataIdMap.get(u.dataId).id;return Cu(a,c,i.shape.length,l,s.length,q[u.dtype],d),u}const Eu={kernelName:Se,backendName:`wasm`,setupFunc:wu,kernelFunc:Tu};
/**
* @license
* Copyright 2020 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let Du;function Ou(e){Du=e.wasm.cwrap(Oe,null,[`number`,`array`,`number`,`number`,`number`,`bool`,`number`,`number`])}const ku={kernelName:Oe,backendName:`wasm`,setupFunc:Ou,kernelFunc:({inputs:e,backend:t,attrs:n})=>{let{x:r}=e,{k:i,sorted:a}=n,o=t.dataIdMap.get(r.dataId).id,s=new Uint8Array(new Int32Array(r.shape).buffer),c=r.shape.slice();c[c.length-1]=i;let l=t.makeOutput(c,r.dtype),u=t.dataIdMap.get(l.dataId).id,d=t.makeOutput(c,`int32`),f=t.dataIdMap.get(d.dataId).id;return Du(o,s,r.shape.length,q[r.dtype],i,a,u,f),[l,d]}};
/**
* @license
* Copyright 2021 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
let Au;function ju(e){Au=e.wasm.cwrap(x,null,[`number`,`number`,`bool`,`number`,`number`,`number`,`number`,`number`,`number`,`array`,`number`,`array`,`number`,`number`,`number`,`number`,`number`])}function Mu(e){let{backend:t,inputs:n,attrs:r}=e,{image:i,transforms:a}=n,{interpolation:o,fillMode:s,fillValue:c,outputShape:l}=r,[u,d,f,p]=i.shape,[m,h]=l??[d,f],g=[u,m,h,p],_=new Uint8Array(new Int32Array(K(i.shape)).buffer),v=new Uint8Array(new Int32Array(K(g)).buffer),y=t.makeOutput(g,i.dtype),b=t.dataIdMap.get(y.dataId).id,x=t.dataIdMap.get(i.dataId).id,S=t.dataIdMap.get(a.dataId).id,C=o===`nearest`?1:2,w;switch(s){case`constant`:w=1;break;case`reflect`:w=2;break;case`wrap`:w=3;break;case`nearest`:w=4;break;default:w=1}return Au(x,S,a.shape[0]>1,u,m,h,p,f,d,_,i.shape.length-1,v,g.length-1,C,w,c,b),y}const Nu={kernelName:x,backendName:`wasm`,setupFunc:ju,kernelFunc:Mu};
/**
* @license
* Copyright 2023 Google LLC.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
function Pu(e){let{inputs:t,attrs:n,backend:r}=e,{axis:i}=n,{x:a}=t,{outputValues:o,outputShape:s,indices:c}=Kn(r.readSync(a.dataId),i,a.shape,a.dtype);return[r.makeOutput(s,a.dtype,void 0,o),r.makeOutput([c.length],`int32`,void 0,c)]}const Fu={kernelName:Pt,backendName:`wasm`,kernelFunc:Pu};
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
function Iu(e){let{inputs:t,backend:n,attrs:r}=e,{value:i}=t,{axis:a}=r;a<0&&(a+=i.shape.length);let o=i.shape[a],s=i.shape.length,c=Array(s-1),l=0;for(let e=0;e<s;e++)e!==a&&(c[l++]=i.shape[e]);let u=Array(o),d=Array(s).fill(0),f=i.shape.slice();f[a]=1;for(let e=0;e<u.length;e++)d[a]=e,u[e]=ai({inputs:{x:i},attrs:{begin:d,size:f},backend:n});return u.map(({dataId:e,dtype:t})=>({dataId:e,dtype:t,shape:c}))}const Lu={kernelName:k,backendName:`wasm`,kernelFunc:Iu};
/**
* @license
* Copyright 2020 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
function Ru(e){let{inputs:{x:t},backend:n}=e,r=n.makeOutput(t.shape,t.dtype);return n.typedArrayFromHeap(r).fill(0),r}
/**
* @license
* Copyright 2020 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
const zu=[or,sr,cr,lr,ur,mr,Tr,kr,jr,Mr,Nr,Pr,Fr,Ir,Lr,Vr,$r,Gr,Yr,ii,di,hi,gi,vi,yi,bi,wi,Ei,Ai,Pi,Ri,Hi,Ki,qi,Ji,$i,ra,sa,da,ha,ya,Ca,Da,ja,Fa,Ia,Ba,Va,Ha,Ua,Ga,Ka,Ja,Qa,$a,eo,io,co,po,_o,xo,So,Co,gr,wo,To,Eo,Ao,jo,Mo,Io,Ro,Lo,zo,Bo,Vo,Ho,Ko,Xo,es,ts,as,ls,ps,_s,xs,Ts,ks,As,Fs,Us,Ws,Gs,Ks,Zs,tc,ac,oc,uc,fc,mc,vc,yc,Cc,Dc,Oc,kc,Ac,jc,Mc,ei,Ic,Bc,Wc,Jc,Qc,nl,rl,il,cl,fl,gl,_l,xl,Sl,Cl,wl,li,zs,Tl,Dl,jl,Fl,Bl,Hl,Kl,Jl,Yl,Xl,Zl,tu,au,su,lu,du,fu,gu,_u,vu,Su,Eu,ku,Nu,xr,Fu,Lu,{kernelName:Ae,backendName:`wasm`,kernelFunc:Ru}];for(let e of zu)Be(e);
/**
* @license
* Copyright 2020 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
const Bu=de();Bu.registerFlag(`WASM_HAS_SIMD_SUPPORT`,async()=>{try{return WebAssembly.validate(new Uint8Array([0,97,115,109,1,0,0,0,1,4,1,96,0,0,3,2,1,0,10,9,1,7,0,65,0,253,15,26,11]))}catch{return!1}}),Bu.registerFlag(`WASM_HAS_MULTITHREAD_SUPPORT`,async()=>{if(Bu.get(`IS_NODE`))return!1;try{return new MessageChannel().port1.postMessage(new SharedArrayBuffer(1)),WebAssembly.validate(new Uint8Array([0,97,115,109,1,0,0,0,1,4,1,96,0,0,3,2,1,0,5,4,1,3,1,1,10,11,1,9,0,65,0,254,16,2,0,26,11]))}catch{return!1}});var Vu=/* @__PURE__ */ Qn(((e,t)=>{var n=(()=>{var e=typeof document<`u`&&document.currentScript?document.currentScript.src:void 0;return typeof __filename<`u`&&(e||=__filename),(function(t){t||={};function n(){return M.buffer!=F&&L(M.buffer),I}function r(){return M.buffer!=F&&L(M.buffer),se}function i(){return M.buffer!=F&&L(M.buffer),ce}function a(){return M.buffer!=F&&L(M.buffer),le}function o(){return M.buffer!=F&&L(M.buffer),ue}var s=t===void 0?{}:t,c,l;s.ready=new Promise(function(e,t){c=e,l=t});var u;typeof process<`u`&&process.listeners&&(u={uncaughtException:process.listeners(`uncaughtException`),unhandledRejection:process.listeners(`unhandledRejection`)});var d=Object.assign({},s),f=[],p=(e,t)=>{throw t},m=typeof window==`object`,h=typeof importScripts==`function`,g=typeof process==`object`&&typeof process.versions==`object`&&typeof process.versions.node==`string`,_=s.ENVIRONMENT_IS_PTHREAD||!1,v=``;function y(e){return s.locateFile?s.locateFile(e,v):v+e}var b,x,S;function C(e){e instanceof Pe||k(`exiting due to exception: `+e)}if(g){var w=er(),T=er();v=h?T.dirname(v)+`/`:__dirname+`/`,b=(e,t)=>(e=ke(e)?new URL(e):T.normalize(e),w.readFileSync(e,t?void 0:`utf8`)),S=e=>{var t=b(e,!0);return t.buffer||(t=new Uint8Array(t)),t},x=(e,t,n)=>{e=ke(e)?new URL(e):T.normalize(e),w.readFile(e,function(e,r){e?n(e):t(r.buffer)})},process.argv.length>1&&process.argv[1].replace(/\\/g,`/`),f=process.argv.slice(2),process.on(`uncaughtException`,function(e){if(!(e instanceof Pe))throw e}),process.on(`unhandledRejection`,function(e){throw e}),p=(e,t)=>{if(he())throw process.exitCode=e,t;C(t),process.exit(e)},s.inspect=function(){return`[Emscripten Module object]`};let e;try{e=er()}catch(e){throw console.error(`The "worker_threads" module is not supported in this node.js build - perhaps a newer version is needed?`),e}global.Worker=e.Worker}else(m||h)&&(h?v=self.location.href:typeof document<`u`&&document.currentScript&&(v=document.currentScript.src),e!==void 0&&e&&(v=e),v=v.indexOf(`blob:`)===0?``:v.substr(0,v.replace(/[?#].*/,``).lastIndexOf(`/`)+1),g||(b=e=>{var t=new XMLHttpRequest;return t.open(`GET`,e,!1),t.send(null),t.responseText},h&&(S=e=>{var t=new XMLHttpRequest;return t.open(`GET`,e,!1),t.responseType=`arraybuffer`,t.send(null),new Uint8Array(t.response)}),x=(e,t,n)=>{var r=new XMLHttpRequest;r.open(`GET`,e,!0),r.responseType=`arraybuffer`,r.onload=()=>{r.status==200||r.status==0&&r.response?t(r.response):n()},r.onerror=n,r.send(null)}));g&&typeof performance>`u`&&(global.performance=er().performance);var E=console.log.bind(console),D=console.warn.bind(console);g&&(E=e=>w.writeSync(1,e+`
`),D=e=>w.writeSync(2,e+`
`));var O=s.print||E,k=s.printErr||D;Object.assign(s,d),d=null,s.arguments&&(f=s.arguments),s.thisProgram&&s.thisProgram,s.quit&&(p=s.quit),Atomics.load,Atomics.store,Atomics.compareExchange;var A;s.wasmBinary&&(A=s.wasmBinary);var j=s.noExitRuntime||!0;typeof WebAssembly!=`object`&&Ee(`no native wasm support detected`);var M,ee,N=!1,P;function te(e,t){e||Ee(t)}var ne=typeof TextDecoder<`u`?new TextDecoder(`utf8`):void 0;function re(e,t,n){t>>>=0;for(var r=t+n,i=t;e[i]&&!(i>=r);)++i;if(i-t>16&&e.buffer&&ne)return ne.decode(e.buffer instanceof SharedArrayBuffer?e.slice(t,i):e.subarray(t,i));for(var a=``;t<i;){var o=e[t++];if(!(o&128))a+=String.fromCharCode(o);else{var s=e[t++]&63;if((o&224)==192)a+=String.fromCharCode((o&31)<<6|s);else{var c=e[t++]&63;if(o=(o&240)==224?(o&15)<<12|s<<6|c:(o&7)<<18|s<<12|c<<6|e[t++]&63,o<65536)a+=String.fromCharCode(o);else{var l=o-65536;a+=String.fromCharCode(55296|l>>10,56320|l&1023)}}}}return a}function ie(e,t){return e>>>=0,e?re(r(),e,t):``}function ae(e,t,n,r){if(n>>>=0,!(r>0))return 0;for(var i=n,a=n+r-1,o=0;o<e.length;++o){var s=e.charCodeAt(o);if(s>=55296&&s<=57343){var c=e.charCodeAt(++o);s=65536+((s&1023)<<10)|c&1023}if(s<=127){if(n>=a)break;t[n++>>>0]=s}else if(s<=2047){if(n+1>=a)break;t[n++>>>0]=192|s>>6,t[n++>>>0]=128|s&63}else if(s<=65535){if(n+2>=a)break;t[n++>>>0]=224|s>>12,t[n++>>>0]=128|s>>6&63,t[n++>>>0]=128|s&63}else{if(n+3>=a)break;t[n++>>>0]=240|s>>18,t[n++>>>0]=128|s>>12&63,t[n++>>>0]=128|s>>6&63,t[n++>>>0]=128|s&63}}return t[n>>>0]=0,n-i}function oe(e,t,n){return ae(e,r(),t,n)}var F,I,se,ce,le,ue;_&&(F=s.buffer);function L(e){F=e,s.HEAP8=I=new Int8Array(e),s.HEAP16=new Int16Array(e),s.HEAP32=ce=new Int32Array(e),s.HEAPU8=se=new Uint8Array(e),s.HEAPU16=new Uint16Array(e),s.HEAPU32=le=new Uint32Array(e),s.HEAPF32=new Float32Array(e),s.HEAPF64=ue=new Float64Array(e)}var de=s.INITIAL_MEMORY||16777216;if(_)M=s.wasmMemory,F=s.buffer;else if(s.wasmMemory)M=s.wasmMemory;else if(M=new WebAssembly.Memory({initial:de/65536,maximum:65536,shared:!0}),!(M.buffer instanceof SharedArrayBuffer))throw k(`requested a shared WebAssembly.Memory but the returned buffer is not a SharedArrayBuffer, indicating that while the browser has SharedArrayBuffer it does not have WebAssembly threads support - you may need to set a flag`),g&&k(`(on node you may need: --experimental-wasm-threads --experimental-wasm-bulk-memory and/or recent version)`),Error(`bad memory`);M&&(F=M.buffer),de=F.byteLength,L(F);var fe,pe=[],R=[],me=[];function he(){return j}function ge(){if(s.preRun)for(typeof s.preRun==`function`&&(s.preRun=[s.preRun]);s.preRun.length;)ye(s.preRun.shift());Ue(pe)}function _e(){_||Ue(R)}function ve(){if(!_){if(s.postRun)for(typeof s.postRun==`function`&&(s.postRun=[s.postRun]);s.postRun.length;)xe(s.postRun.shift());Ue(me)}}function ye(e){pe.unshift(e)}function be(e){R.unshift(e)}function xe(e){me.unshift(e)}var z=0,Se=null,Ce=null;function we(e){z++,s.monitorRunDependencies&&s.monitorRunDependencies(z)}function Te(e){if(z--,s.monitorRunDependencies&&s.monitorRunDependencies(z),z==0&&(Se!==null&&(clearInterval(Se),Se=null),Ce)){var t=Ce;Ce=null,t()}}function Ee(e){s.onAbort&&s.onAbort(e),e=`Aborted(`+e+`)`,k(e),N=!0,P=1,e+=`. Build with -sASSERTIONS for more info.`;var t=new WebAssembly.RuntimeError(e);throw l(t),t}var De=`data:application/octet-stream;base64,`;function Oe(e){return e.startsWith(De)}function ke(e){return e.startsWith(`file://`)}var B=`tfjs-backend-wasm-threaded-simd.wasm`;Oe(B)||(B=y(B));function Ae(e){try{if(e==B&&A)return new Uint8Array(A);if(S)return S(e);throw`both async and sync fetching of the wasm failed`}catch(e){Ee(e)}}function je(){if(!A&&(m||h)){if(typeof fetch==`function`&&!ke(B))return fetch(B,{credentials:`same-origin`}).then(function(e){if(!e.ok)throw`failed to load wasm binary file at '`+B+`'`;return e.arrayBuffer()}).catch(function(){return Ae(B)});if(x)return new Promise(function(e,t){x(B,function(t){e(new Uint8Array(t))},t)})}return Promise.resolve().then(function(){return Ae(B)})}function Me(){var e={env:Ot,wasi_snapshot_preview1:Ot};function t(e,t){if(s.asm=e.exports,Je(s.asm._emscripten_tls_init),fe=s.asm.__indirect_function_table,be(s.asm.__wasm_call_ctors),ee=t,!_){var n=H.unusedWorkers.length;H.unusedWorkers.forEach(function(e){H.loadWasmModuleToWorker(e,function(){--n||Te(`wasm-instantiate`)})})}}_||we(`wasm-instantiate`);function n(e){t(e.instance,e.module)}function r(t){return je().then(function(t){return WebAssembly.instantiate(t,e)}).then(function(e){return e}).then(t,function(e){k(`failed to asynchronously prepare wasm: `+e),Ee(e)})}function i(){return!A&&typeof WebAssembly.instantiateStreaming==`function`&&!Oe(B)&&!ke(B)&&!g&&typeof fetch==`function`?fetch(B,{credentials:`same-origin`}).then(function(t){return WebAssembly.instantiateStreaming(t,e).then(n,function(e){return k(`wasm streaming compile failed: `+e),k(`falling back to ArrayBuffer instantiation`),r(n)})}):r(n)}if(s.instantiateWasm)try{return s.instantiateWasm(e,t)}catch(e){k(`Module.instantiateWasm callback failed with error: `+e),l(e)}return i().catch(l),{}}var Ne={};function Pe(e){this.name=`ExitStatus`,this.message=`Program terminated with exit(`+e+`)`,this.status=e}function Fe(e){var t=H.pthreads[e];delete H.pthreads[e],t.terminate(),vi(e),H.runningWorkers.splice(H.runningWorkers.indexOf(t),1),t.pthread_ptr=0}function Ie(e){H.pthreads[e].postMessage({cmd:`cancel`})}function Le(e){var t=H.pthreads[e];te(t),H.returnWorkerToPool(t)}function Re(e){var t=H.getNewWorker();if(!t)return 6;H.runningWorkers.push(t),H.pthreads[e.pthread_ptr]=t,t.pthread_ptr=e.pthread_ptr;var n={cmd:`run`,start_routine:e.startRoutine,arg:e.arg,pthread_ptr:e.pthread_ptr};return t.runPthread=()=>{g&&t.ref(),t.postMessage(n,e.transferList),delete t.runPthread},t.loaded&&t.runPthread(),0}var ze={varargs:void 0,get:function(){return ze.varargs+=4,i()[ze.varargs-4>>>2]},getStr:function(e){return ie(e)}};function Be(e){if(_)return mt(1,1,e);P=e,he()||(H.terminateAllThreads(),s.onExit&&s.onExit(e),N=!0),p(e,new Pe(e))}function Ve(e,t){if(P=e,!t&&_)throw We(e),`unwind`;Be(e)}var V=Ve;function He(e){if(e instanceof Pe||e==`unwind`)return P;p(1,e)}var H={unusedWorkers:[],runningWorkers:[],tlsInitFunctions:[],pthreads:{},init:function(){_?H.initWorker():H.initMainThread()},initMainThread:function(){for(var e=8;e--;)H.allocateUnusedWorker()},initWorker:function(){j=!1},setExitStatus:function(e){P=e},terminateAllThreads:function(){for(var e of Object.values(H.pthreads))H.returnWorkerToPool(e);for(var e of H.unusedWorkers)e.terminate();H.unusedWorkers=[]},returnWorkerToPool:function(e){var t=e.pthread_ptr;delete H.pthreads[t],H.unusedWorkers.push(e),H.runningWorkers.splice(H.runningWorkers.indexOf(e),1),e.pthread_ptr=0,g&&e.unref(),vi(t)},receiveObjectTransfer:function(e){},threadInitTLS:function(){H.tlsInitFunctions.forEach(e=>e())},loadWasmModuleToWorker:function(t,n){t.onmessage=e=>{var r=e.data,i=r.cmd;if(t.pthread_ptr&&(H.currentProxiedOperationCallerThread=t.pthread_ptr),r.targetThread&&r.targetThread!=li()){var a=H.pthreads[r.targetThread];a?a.postMessage(r,r.transferList):k(`Internal error! Worker sent a message "`+i+`" to target pthread `+r.targetThread+`, but that thread no longer exists!`),H.currentProxiedOperationCallerThread=void 0}else i===`processProxyingQueue`?tt(r.queue):i===`spawnThread`?Re(r):i===`cleanupThread`?Le(r.thread):i===`killThread`?Fe(r.thread):i===`cancelThread`?Ie(r.thread):i===`loaded`?(t.loaded=!0,g&&t.unref(),n&&n(t),t.runPthread&&t.runPthread()):i===`print`?O(`Thread `+r.threadId+`: `+r.text):i===`printErr`?k(`Thread `+r.threadId+`: `+r.text):i===`alert`?alert(`Thread `+r.threadId+`: `+r.text):r.target===`setimmediate`?t.postMessage(r):i===`callHandler`?s[r.handler](...r.args):i&&k(`worker sent an unknown command `+i),H.currentProxiedOperationCallerThread=void 0},t.onerror=e=>{throw k(`worker sent an error! `+e.filename+`:`+e.lineno+`: `+e.message),e},g&&(t.on(`message`,function(e){t.onmessage({data:e})}),t.on(`error`,function(e){t.onerror(e)}),t.on(`detachedExit`,function(){}));var r=[];for(var i of[`onExit`,`onAbort`,`print`,`printErr`])s.hasOwnProperty(i)&&r.push(i);t.postMessage({cmd:`load`,handlers:r,urlOrBlob:s.mainScriptUrlOrBlob||e,wasmMemory:M,wasmModule:ee})},allocateUnusedWorker:function(){var e,t=y(`tfjs-backend-wasm-threaded-simd.worker.js`);e=new Worker(t),H.unusedWorkers.push(e)},getNewWorker:function(){return H.unusedWorkers.length==0&&(H.allocateUnusedWorker(),H.loadWasmModuleToWorker(H.unusedWorkers[0])),H.unusedWorkers.pop()}};s.PThread=H;function Ue(e){for(;e.length>0;)e.shift()(s)}function U(){var e=li(),t=i()[e+52>>>2],n=t-i()[e+56>>>2];yi(t,n),xi(t)}s.establishStackSpace=U;function We(e){if(_)return mt(2,0,e);try{V(e)}catch(e){He(e)}}var Ge=[];function Ke(e){var t=Ge[e];return t||(e>=Ge.length&&(Ge.length=e+1),Ge[e]=t=fe.get(e)),t}function qe(e,t){var n=Ke(e)(t);he()?H.setExitStatus(n):$(n)}s.invokeEntryPoint=qe;function Je(e){H.tlsInitFunctions.push(e)}function Ye(e){di(e,!h,1,!m),H.threadInitTLS()}function Xe(e){_?postMessage({cmd:`cleanupThread`,thread:e}):Le(e)}function W(e,t,n,r){return _?mt(3,1,e,t,n,r):Ze(e,t,n,r)}function Ze(e,t,n,r){if(typeof SharedArrayBuffer>`u`)return k(`Current environment does not support SharedArrayBuffer, pthreads are not available!`),6;var i=[];if(_&&i.length===0)return W(e,t,n,r);var a={startRoutine:n,pthread_ptr:e,arg:r,transferList:i};return _?(a.cmd=`spawnThread`,postMessage(a,i),0):Re(a)}function Qe(){return 65536}var $e=!0;function et(){return $e}function tt(e){Atomics.store(i(),e>>2,1),li()&&_i(e),Atomics.compareExchange(i(),e>>2,1,0)}s.executeNotifiedProxyingQueue=tt;function nt(e,t,n,r){if(e==t)setTimeout(()=>tt(r));else if(_)postMessage({targetThread:e,cmd:`processProxyingQueue`,queue:r});else{var i=H.pthreads[e];if(!i)return;i.postMessage({cmd:`processProxyingQueue`,queue:r})}return 1}function rt(e,t,n){return-1}function it(){Ee(``)}function at(e){at.shown||={},at.shown[e]||(at.shown[e]=1,g&&(e=`warning: `+e),k(e))}function ot(){g||h||at(`Blocking on the main thread is very dangerous, see https://emscripten.org/docs/porting/pthreads.html#blocking-on-the-main-browser-thread`)}function st(){return Date.now()}function ct(){return 4294901760}function lt(){return ct()}var ut=g?()=>{var e=process.hrtime();return e[0]*1e3+e[1]/1e6}:()=>performance.timeOrigin+performance.now();function dt(e,t,n){r().copyWithin(e>>>0,t>>>0,t+n>>>0)}function ft(){return g?er().cpus().length:navigator.hardwareConcurrency}function pt(e){var t=bi(),n=e();return xi(t),n}function mt(e,t){var n=arguments.length-2,r=arguments;return pt(()=>{for(var i=n,a=Si(i*8),s=a>>3,c=0;c<n;c++){var l=r[2+c];o()[s+c>>>0]=l}return hi(e,i,a,t)})}var ht=[];function gt(e,t,n){ht.length=t;for(var r=n>>3,i=0;i<t;i++)ht[i]=o()[r+i>>>0];return(e<0?Ne[-e-1]:Dt[e]).apply(null,ht)}function _t(e){try{return M.grow(e-F.byteLength+65535>>>16),L(M.buffer),1}catch{}}function vt(e){var t=r().length;if(e>>>=0,e<=t)return!1;var n=ct();if(e>n)return!1;let i=(e,t)=>e+(t-e%t)%t;for(var a=1;a<=4;a*=2){var o=t*(1+.2/a);if(o=Math.min(o,e+100663296),_t(Math.min(n,i(Math.max(e,o),65536))))return!0}return!1}function G(){throw`unwind`}function yt(e){return _?mt(4,1,e):52}function bt(e,t,n,r,i){return _?mt(5,1,e,t,n,r,i):70}var xt=[null,[],[]];function St(e,t){var n=xt[e];t===0||t===10?((e===1?O:k)(re(n,0)),n.length=0):n.push(t)}function Ct(e,t,n,i){if(_)return mt(6,1,e,t,n,i);for(var o=0,s=0;s<n;s++){var c=a()[t>>>2],l=a()[t+4>>>2];t+=8;for(var u=0;u<l;u++)St(e,r()[c+u>>>0]);o+=l}return a()[i>>>2]=o,0}function wt(e){return s[`_`+e]}function Tt(e,t){n().set(e,t>>>0)}function K(e,t,n,r,i){var a={string:e=>{var t=0;if(e!=null&&e!==0){var n=(e.length<<2)+1;t=Si(n),oe(e,t,n)}return t},array:e=>{var t=Si(e.length);return Tt(e,t),t}};function o(e){return t===`string`?ie(e):t===`boolean`?!!e:e}var s=wt(e),c=[],l=0;if(r)for(var u=0;u<r.length;u++){var d=a[n[u]];d?(l===0&&(l=bi()),c[u]=d(r[u])):c[u]=r[u]}var f=s.apply(null,c);function p(e){return l!==0&&xi(l),o(e)}return f=p(f),f}function Et(e,t,n,r){n||=[];var i=n.every(e=>e===`number`||e===`boolean`);return t!==`string`&&i&&!r?wt(e):function(){return K(e,t,n,arguments,r)}}H.init();var Dt=[null,Be,We,W,yt,bt,Ct],Ot={__emscripten_init_main_thread_js:Ye,__emscripten_thread_cleanup:Xe,__pthread_create_js:Ze,_emscripten_default_pthread_stack_size:Qe,_emscripten_get_now_is_monotonic:et,_emscripten_notify_task_queue:nt,_emscripten_set_offscreencanvas_size:rt,abort:it,emscripten_check_blocking_allowed:ot,emscripten_date_now:st,emscripten_get_heap_max:lt,emscripten_get_now:ut,emscripten_memcpy_big:dt,emscripten_num_logical_cores:ft,emscripten_receive_on_main_thread_js:gt,emscripten_resize_heap:vt,emscripten_unwind_to_js_event_loop:G,exit:V,fd_close:yt,fd_seek:bt,fd_write:Ct,memory:M||s.wasmMemory};Me();var kt=s.___wasm_call_ctors=function(){return(kt=s.___wasm_call_ctors=s.asm.__wasm_call_ctors).apply(null,arguments)},At=s._init=function(){return(At=s._init=s.asm.init).apply(null,arguments)},jt=s._init_with_threads_count=function(){return(jt=s._init_with_threads_count=s.asm.init_with_threads_count).apply(null,arguments)},Mt=s._get_threads_count=function(){return(Mt=s._get_threads_count=s.asm.get_threads_count).apply(null,arguments)},Nt=s._register_tensor=function(){return(Nt=s._register_tensor=s.asm.register_tensor).apply(null,arguments)},Pt=s._dispose_data=function(){return(Pt=s._dispose_data=s.asm.dispose_data).apply(null,arguments)},Ft=s._dispose=function(){return(Ft=s._dispose=s.asm.dispose).apply(null,arguments)},It=s._Abs=function(){return(It=s._Abs=s.asm.Abs).apply(null,arguments)},Lt=s._Acos=function(){return(Lt=s._Acos=s.asm.Acos).apply(null,arguments)},Rt=s._Acosh=function(){return(Rt=s._Acosh=s.asm.Acosh).apply(null,arguments)},zt=s._Add=function(){return(zt=s._Add=s.asm.Add).apply(null,arguments)},Bt=s._AddN=function(){return(Bt=s._AddN=s.asm.AddN).apply(null,arguments)},Vt=s._All=function(){return(Vt=s._All=s.asm.All).apply(null,arguments)},Ht=s._Any=function(){return(Ht=s._Any=s.asm.Any).apply(null,arguments)},Ut=s._ArgMax=function(){return(Ut=s._ArgMax=s.asm.ArgMax).apply(null,arguments)},Wt=s._ArgMin=function(){return(Wt=s._ArgMin=s.asm.ArgMin).apply(null,arguments)},Gt=s._Asin=function(){return(Gt=s._Asin=s.asm.Asin).apply(null,arguments)},Kt=s._Asinh=function(){return(Kt=s._Asinh=s.asm.Asinh).apply(null,arguments)},qt=s._Atan=function(){return(qt=s._Atan=s.asm.Atan).apply(null,arguments)},Jt=s._Atan2=function(){return(Jt=s._Atan2=s.asm.Atan2).apply(null,arguments)},Yt=s._Atanh=function(){return(Yt=s._Atanh=s.asm.Atanh).apply(null,arguments)},Xt=s._AvgPool=function(){return(Xt=s._AvgPool=s.asm.AvgPool).apply(null,arguments)},Zt=s._AvgPool3D=function(){return(Zt=s._AvgPool3D=s.asm.AvgPool3D).apply(null,arguments)},Qt=s._AvgPool3DGrad=function(){return(Qt=s._AvgPool3DGrad=s.asm.AvgPool3DGrad).apply(null,arguments)},$t=s._AvgPoolGrad=function(){return($t=s._AvgPoolGrad=s.asm.AvgPoolGrad).apply(null,arguments)},en=s._BatchMatMul=function(){return(en=s._BatchMatMul=s.asm.BatchMatMul).apply(null,arguments)},tn=s._Bincount=function(){return(tn=s._Bincount=s.asm.Bincount).apply(null,arguments)},nn=s._BitwiseAnd=function(){return(nn=s._BitwiseAnd=s.asm.BitwiseAnd).apply(null,arguments)},rn=s._Ceil=function(){return(rn=s._Ceil=s.asm.Ceil).apply(null,arguments)},an=s._ClipByValue=function(){return(an=s._ClipByValue=s.asm.ClipByValue).apply(null,arguments)},on=s._Conv2D=function(){return(on=s._Conv2D=s.asm.Conv2D).apply(null,arguments)},sn=s._Conv2DBackpropInput=function(){return(sn=s._Conv2DBackpropInput=s.asm.Conv2DBackpropInput).apply(null,arguments)},cn=s._Conv3D=function(){return(cn=s._Conv3D=s.asm.Conv3D).apply(null,arguments)},ln=s._Conv3DBackpropFilterV2=function(){return(ln=s._Conv3DBackpropFilterV2=s.asm.Conv3DBackpropFilterV2).apply(null,arguments)},un=s._Conv3DBackpropInputV2=function(){return(un=s._Conv3DBackpropInputV2=s.asm.Conv3DBackpropInputV2).apply(null,arguments)},dn=s._Cos=function(){return(dn=s._Cos=s.asm.Cos).apply(null,arguments)},fn=s._Cosh=function(){return(fn=s._Cosh=s.asm.Cosh).apply(null,arguments)},pn=s._CropAndResize=function(){return(pn=s._CropAndResize=s.asm.CropAndResize).apply(null,arguments)},mn=s._Cumprod=function(){return(mn=s._Cumprod=s.asm.Cumprod).apply(null,arguments)},hn=s._Cumsum=function(){return(hn=s._Cumsum=s.asm.Cumsum).apply(null,arguments)},gn=s._DenseBincount=function(){return(gn=s._DenseBincount=s.asm.DenseBincount).apply(null,arguments)},_n=s._DepthToSpace=function(){return(_n=s._DepthToSpace=s.asm.DepthToSpace).apply(null,arguments)},vn=s._DepthwiseConv2dNative=function(){return(vn=s._DepthwiseConv2dNative=s.asm.DepthwiseConv2dNative).apply(null,arguments)},yn=s._Diag=function(){return(yn=s._Diag=s.asm.Diag).apply(null,arguments)},bn=s._Dilation2D=function(){return(bn=s._Dilation2D=s.asm.Dilation2D).apply(null,arguments)},xn=s._Dilation2DBackpropFilter=function(){return(xn=s._Dilation2DBackpropFilter=s.asm.Dilation2DBackpropFilter).apply(null,arguments)},Sn=s._Dilation2DBackpropInput=function(){return(Sn=s._Dilation2DBackpropInput=s.asm.Dilation2DBackpropInput).apply(null,arguments)},Cn=s._Elu=function(){return(Cn=s._Elu=s.asm.Elu).apply(null,arguments)},wn=s._EluGrad=function(){return(wn=s._EluGrad=s.asm.EluGrad).apply(null,arguments)},Tn=s._Equal=function(){return(Tn=s._Equal=s.asm.Equal).apply(null,arguments)},En=s._Erf=function(){return(En=s._Erf=s.asm.Erf).apply(null,arguments)},Dn=s._Exp=function(){return(Dn=s._Exp=s.asm.Exp).apply(null,arguments)},On=s._Expm1=function(){return(On=s._Expm1=s.asm.Expm1).apply(null,arguments)},kn=s._FlipLeftRight=function(){return(kn=s._FlipLeftRight=s.asm.FlipLeftRight).apply(null,arguments)},An=s._Floor=function(){return(An=s._Floor=s.asm.Floor).apply(null,arguments)},jn=s._FloorDiv=function(){return(jn=s._FloorDiv=s.asm.FloorDiv).apply(null,arguments)},Mn=s._FusedBatchNorm=function(){return(Mn=s._FusedBatchNorm=s.asm.FusedBatchNorm).apply(null,arguments)},Nn=s._FusedConv2D=function(){return(Nn=s._FusedConv2D=s.asm.FusedConv2D).apply(null,arguments)},Pn=s._FusedDepthwiseConv2D=function(){return(Pn=s._FusedDepthwiseConv2D=s.asm.FusedDepthwiseConv2D).apply(null,arguments)},Fn=s._Gather=function(){return(Fn=s._Gather=s.asm.Gather).apply(null,arguments)},In=s._GatherNd=function(){return(In=s._GatherNd=s.asm.GatherNd).apply(null,arguments)},Ln=s._Greater=function(){return(Ln=s._Greater=s.asm.Greater).apply(null,arguments)},Rn=s._GreaterEqual=function(){return(Rn=s._GreaterEqual=s.asm.GreaterEqual).apply(null,arguments)},zn=s._IsFinite=function(){return(zn=s._IsFinite=s.asm.IsFinite).apply(null,arguments)},Bn=s._IsInf=function(){return(Bn=s._IsInf=s.asm.IsInf).apply(null,arguments)},Vn=s._IsNan=function(){return(Vn=s._IsNan=s.asm.IsNan).apply(null,arguments)},Hn=s._LRN=function(){return(Hn=s._LRN=s.asm.LRN).apply(null,arguments)},Un=s._LRNGrad=function(){return(Un=s._LRNGrad=s.asm.LRNGrad).apply(null,arguments)},Wn=s._LeakyRelu=function(){return(Wn=s._LeakyRelu=s.asm.LeakyRelu).apply(null,arguments)},Gn=s._Less=function(){return(Gn=s._Less=s.asm.Less).apply(null,arguments)},Kn=s._LessEqual=function(){return(Kn=s._LessEqual=s.asm.LessEqual).apply(null,arguments)},qn=s._LinSpace=function(){return(qn=s._LinSpace=s.asm.LinSpace).apply(null,arguments)},Jn=s._Log=function(){return(Jn=s._Log=s.asm.Log).apply(null,arguments)},Yn=s._Log1p=function(){return(Yn=s._Log1p=s.asm.Log1p).apply(null,arguments)},Xn=s._LogicalAnd=function(){return(Xn=s._LogicalAnd=s.asm.LogicalAnd).apply(null,arguments)},Zn=s._LogicalNot=function(){return(Zn=s._LogicalNot=s.asm.LogicalNot).apply(null,arguments)},Qn=s._LogicalOr=function(){return(Qn=s._LogicalOr=s.asm.LogicalOr).apply(null,arguments)},$n=s._LogicalXor=function(){return($n=s._LogicalXor=s.asm.LogicalXor).apply(null,arguments)},tr=s._Max=function(){return(tr=s._Max=s.asm.Max).apply(null,arguments)},q=s._MaxPool=function(){return(q=s._MaxPool=s.asm.MaxPool).apply(null,arguments)},nr=s._MaxPool3D=function(){return(nr=s._MaxPool3D=s.asm.MaxPool3D).apply(null,arguments)},rr=s._MaxPool3DGrad=function(){return(rr=s._MaxPool3DGrad=s.asm.MaxPool3DGrad).apply(null,arguments)},ir=s._MaxPoolGrad=function(){return(ir=s._MaxPoolGrad=s.asm.MaxPoolGrad).apply(null,arguments)},ar=s._MaxPoolWithArgmax=function(){return(ar=s._MaxPoolWithArgmax=s.asm.MaxPoolWithArgmax).apply(null,arguments)},or=s._Maximum=function(){return(or=s._Maximum=s.asm.Maximum).apply(null,arguments)},J=s._Mean=function(){return(J=s._Mean=s.asm.Mean).apply(null,arguments)},sr=s._Min=function(){return(sr=s._Min=s.asm.Min).apply(null,arguments)},cr=s._Minimum=function(){return(cr=s._Minimum=s.asm.Minimum).apply(null,arguments)},lr=s._MirrorPad=function(){return(lr=s._MirrorPad=s.asm.MirrorPad).apply(null,arguments)},Y=s._Mod=function(){return(Y=s._Mod=s.asm.Mod).apply(null,arguments)},ur=s._Multinomial=function(){return(ur=s._Multinomial=s.asm.Multinomial).apply(null,arguments)},dr=s._Multiply=function(){return(dr=s._Multiply=s.asm.Multiply).apply(null,arguments)},fr=s._Neg=function(){return(fr=s._Neg=s.asm.Neg).apply(null,arguments)},pr=s._NonMaxSuppressionV3=function(){return(pr=s._NonMaxSuppressionV3=s.asm.NonMaxSuppressionV3).apply(null,arguments)},mr=s._NonMaxSuppressionV4=function(){return(mr=s._NonMaxSuppressionV4=s.asm.NonMaxSuppressionV4).apply(null,arguments)},hr=s._NonMaxSuppressionV5=function(){return(hr=s._NonMaxSuppressionV5=s.asm.NonMaxSuppressionV5).apply(null,arguments)},gr=s._NotEqual=function(){return(gr=s._NotEqual=s.asm.NotEqual).apply(null,arguments)},_r=s._OneHot=function(){return(_r=s._OneHot=s.asm.OneHot).apply(null,arguments)},vr=s._PadV2=function(){return(vr=s._PadV2=s.asm.PadV2).apply(null,arguments)},X=s._Pow=function(){return(X=s._Pow=s.asm.Pow).apply(null,arguments)},yr=s._Prelu=function(){return(yr=s._Prelu=s.asm.Prelu).apply(null,arguments)},br=s._Prod=function(){return(br=s._Prod=s.asm.Prod).apply(null,arguments)},xr=s._RealDiv=function(){return(xr=s._RealDiv=s.asm.RealDiv).apply(null,arguments)},Z=s._Reciprocal=function(){return(Z=s._Reciprocal=s.asm.Reciprocal).apply(null,arguments)},Sr=s._Relu=function(){return(Sr=s._Relu=s.asm.Relu).apply(null,arguments)},Cr=s._Relu6=function(){return(Cr=s._Relu6=s.asm.Relu6).apply(null,arguments)},wr=s._ResizeBilinear=function(){return(wr=s._ResizeBilinear=s.asm.ResizeBilinear).apply(null,arguments)},Tr=s._ResizeBilinearGrad=function(){return(Tr=s._ResizeBilinearGrad=s.asm.ResizeBilinearGrad).apply(null,arguments)},Er=s._ResizeNearestNeighbor=function(){return(Er=s._ResizeNearestNeighbor=s.asm.ResizeNearestNeighbor).apply(null,arguments)},Dr=s._ResizeNearestNeighborGrad=function(){return(Dr=s._ResizeNearestNeighborGrad=s.asm.ResizeNearestNeighborGrad).apply(null,arguments)},Or=s._Reverse=function(){return(Or=s._Reverse=s.asm.Reverse).apply(null,arguments)},kr=s._RotateWithOffset=function(){return(kr=s._RotateWithOffset=s.asm.RotateWithOffset).apply(null,arguments)},Ar=s._Round=function(){return(Ar=s._Round=s.asm.Round).apply(null,arguments)},jr=s._Rsqrt=function(){return(jr=s._Rsqrt=s.asm.Rsqrt).apply(null,arguments)},Mr=s._ScatterNd=function(){return(Mr=s._ScatterNd=s.asm.ScatterNd).apply(null,arguments)},Nr=s._SearchSorted=function(){return(Nr=s._SearchSorted=s.asm.SearchSorted).apply(null,arguments)},Pr=s._SelectV2=function(){return(Pr=s._SelectV2=s.asm.SelectV2).apply(null,arguments)},Fr=s._Selu=function(){return(Fr=s._Selu=s.asm.Selu).apply(null,arguments)},Ir=s._Sigmoid=function(){return(Ir=s._Sigmoid=s.asm.Sigmoid).apply(null,arguments)},Lr=s._Sign=function(){return(Lr=s._Sign=s.asm.Sign).apply(null,arguments)},Rr=s._Sin=function(){return(Rr=s._Sin=s.asm.Sin).apply(null,arguments)},zr=s._Sinh=function(){return(zr=s._Sinh=s.asm.Sinh).apply(null,arguments)},Br=s._Softmax=function(){return(Br=s._Softmax=s.asm.Softmax).apply(null,arguments)},Vr=s._Softplus=function(){return(Vr=s._Softplus=s.asm.Softplus).apply(null,arguments)},Hr=s._SparseFillEmptyRows=function(){return(Hr=s._SparseFillEmptyRows=s.asm.SparseFillEmptyRows).apply(null,arguments)},Ur=s._SparseReshape=function(){return(Ur=s._SparseReshape=s.asm.SparseReshape).apply(null,arguments)},Wr=s._SparseSegmentReduction=function(){return(Wr=s._SparseSegmentReduction=s.asm.SparseSegmentReduction).apply(null,arguments)},Gr=s._SparseToDense=function(){return(Gr=s._SparseToDense=s.asm.SparseToDense).apply(null,arguments)},Kr=s._Sqrt=function(){return(Kr=s._Sqrt=s.asm.Sqrt).apply(null,arguments)},qr=s._Square=function(){return(qr=s._Square=s.asm.Square).apply(null,arguments)},Jr=s._SquaredDifference=function(){return(Jr=s._SquaredDifference=s.asm.SquaredDifference).apply(null,arguments)},Yr=s._Step=function(){return(Yr=s._Step=s.asm.Step).apply(null,arguments)},Xr=s._StridedSlice=function(){return(Xr=s._StridedSlice=s.asm.StridedSlice).apply(null,arguments)},Zr=s._Sub=function(){return(Zr=s._Sub=s.asm.Sub).apply(null,arguments)},Qr=s._Sum=function(){return(Qr=s._Sum=s.asm.Sum).apply(null,arguments)},$r=s._Tan=function(){return($r=s._Tan=s.asm.Tan).apply(null,arguments)},Q=s._Tanh=function(){return(Q=s._Tanh=s.asm.Tanh).apply(null,arguments)},ei=s._TensorScatterUpdate=function(){return(ei=s._TensorScatterUpdate=s.asm.TensorScatterUpdate).apply(null,arguments)},ti=s._Tile=function(){return(ti=s._Tile=s.asm.Tile).apply(null,arguments)},ni=s._TopK=function(){return(ni=s._TopK=s.asm.TopK).apply(null,arguments)},ri=s._Transform=function(){return(ri=s._Transform=s.asm.Transform).apply(null,arguments)},ii=s._Transpose=function(){return(ii=s._Transpose=s.asm.Transpose).apply(null,arguments)},ai=s.__FusedMatMul=function(){return(ai=s.__FusedMatMul=s.asm._FusedMatMul).apply(null,arguments)},oi=s._malloc=function(){return(oi=s._malloc=s.asm.malloc).apply(null,arguments)},si=s._free=function(){return(si=s._free=s.asm.free).apply(null,arguments)},ci=s.__emscripten_tls_init=function(){return(ci=s.__emscripten_tls_init=s.asm._emscripten_tls_init).apply(null,arguments)},li=s._pthread_self=function(){return(li=s._pthread_self=s.asm.pthread_self).apply(null,arguments)},ui=s.___errno_location=function(){return(ui=s.___errno_location=s.asm.__errno_location).apply(null,arguments)},di=s.__emscripten_thread_init=function(){return(di=s.__emscripten_thread_init=s.asm._emscripten_thread_init).apply(null,arguments)},fi=s.__emscripten_thread_crashed=function(){return(fi=s.__emscripten_thread_crashed=s.asm._emscripten_thread_crashed).apply(null,arguments)},pi=s._emscripten_main_thread_process_queued_calls=function(){return(pi=s._emscripten_main_thread_process_queued_calls=s.asm.emscripten_main_thread_process_queued_calls).apply(null,arguments)},mi=s._emscripten_main_browser_thread_id=function(){return(mi=s._emscripten_main_browser_thread_id=s.asm.emscripten_main_browser_thread_id).apply(null,arguments)},hi=s._emscripten_run_in_main_runtime_thread_js=function(){return(hi=s._emscripten_run_in_main_runtime_thread_js=s.asm.emscripten_run_in_main_runtime_thread_js).apply(null,arguments)},gi=s._emscripten_dispatch_to_thread_=function(){return(gi=s._emscripten_dispatch_to_thread_=s.asm.emscripten_dispatch_to_thread_).apply(null,arguments)},_i=s.__emscripten_proxy_execute_task_queue=function(){return(_i=s.__emscripten_proxy_execute_task_queue=s.asm._emscripten_proxy_execute_task_queue).apply(null,arguments)},vi=s.__emscripten_thread_free_data=function(){return(vi=s.__emscripten_thread_free_data=s.asm._emscripten_thread_free_data).apply(null,arguments)},$=s.__emscripten_thread_exit=function(){return($=s.__emscripten_thread_exit=s.asm._emscripten_thread_exit).apply(null,arguments)},yi=s._emscripten_stack_set_limits=function(){return(yi=s._emscripten_stack_set_limits=s.asm.emscripten_stack_set_limits).apply(null,arguments)},bi=s.stackSave=function(){return(bi=s.stackSave=s.asm.stackSave).apply(null,arguments)},xi=s.stackRestore=function(){return(xi=s.stackRestore=s.asm.stackRestore).apply(null,arguments)},Si=s.stackAlloc=function(){return(Si=s.stackAlloc=s.asm.stackAlloc).apply(null,arguments)},Ci=s.dynCall_iijjiiii=function(){return(Ci=s.dynCall_iijjiiii=s.asm.dynCall_iijjiiii).apply(null,arguments)},wi=s.dynCall_jiji=function(){return(wi=s.dynCall_jiji=s.asm.dynCall_jiji).apply(null,arguments)};s.keepRuntimeAlive=he,s.wasmMemory=M,s.cwrap=Et,s.ExitStatus=Pe,s.PThread=H;var Ti;Ce=function e(){Ti||Ei(),Ti||(Ce=e)};function Ei(e){if(e||=f,z>0)return;if(_){c(s),_e(),startWorker(s);return}if(ge(),z>0)return;function t(){Ti||(Ti=!0,s.calledRun=!0,N||(_e(),c(s),s.onRuntimeInitialized&&s.onRuntimeInitialized(),ve()))}s.setStatus?(s.setStatus(`Running...`),setTimeout(function(){setTimeout(function(){s.setStatus(``)},1),t()},1)):t()}if(s.preInit)for(typeof s.preInit==`function`&&(s.preInit=[s.preInit]);s.preInit.length>0;)s.preInit.pop()();Ei();var Di;u&&(Di={uncaughtException:process.listeners(`uncaughtException`).filter(function(e){return!u.uncaughtException.indexOf(e)>-1}),unhandledRejection:process.listeners(`unhandledRejection`).filter(function(e){return!u.unhandledRejection.indexOf(e)>-1})});var Oi;if(typeof WasmBackendModule<`u`)Oi=WasmBackendModule;else if(t!==void 0)Oi=t;else throw Error(`Could not find wasm module in post.js`);if(Di){var ki=Oi._dispose;Oi._dispose=function(){ki(),Di.uncaughtException.forEach(function(e){process.removeListener(`uncaughtException`,e)}),Di.unhandledRejection.forEach(function(e){process.removeListener(`unhandledRejection`,e)})}}return t.ready})})();typeof e==`object`&&typeof t==`object`?t.exports=n:typeof define==`function`&&define.amd?define([],function(){return n}):typeof e==`object`&&(e.WasmBackendModuleThreadedSimd=n)})),Hu=/* @__PURE__ */ Qn(((e,t)=>{t.exports.wasmWorkerContents=`"use strict";var Module={};var ENVIRONMENT_IS_NODE=typeof process=="object"&&typeof process.versions=="object"&&typeof process.versions.node=="string";if(ENVIRONMENT_IS_NODE){var nodeWorkerThreads=require("worker_threads");var parentPort=nodeWorkerThreads.parentPort;parentPort.on("message",data=>onmessage({data:data}));var fs=require("fs");Object.assign(global,{self:global,require:require,Module:Module,location:{href:__filename},Worker:nodeWorkerThreads.Worker,importScripts:function(f){(0,eval)(fs.readFileSync(f,"utf8")+"//# sourceURL="+f)},postMessage:function(msg){parentPort.postMessage(msg)},performance:global.performance||{now:function(){return Date.now()}}})}var initializedJS=false;var pendingNotifiedProxyingQueues=[];function threadPrintErr(){var text=Array.prototype.slice.call(arguments).join(" ");if(ENVIRONMENT_IS_NODE){fs.writeSync(2,text+"
");return}console.error(text)}function threadAlert(){var text=Array.prototype.slice.call(arguments).join(" ");postMessage({cmd:"alert",text:text,threadId:Module["_pthread_self"]()})}var err=threadPrintErr;self.alert=threadAlert;Module["instantiateWasm"]=(info,receiveInstance)=>{var instance=new WebAssembly.Instance(Module["wasmModule"],info);receiveInstance(instance);Module["wasmModule"]=null;return instance.exports};self.onunhandledrejection=e=>{throw e.reason??e};self.startWorker=instance=>{Module=instance;postMessage({"cmd":"loaded"})};self.onmessage=e=>{try{if(e.data.cmd==="load"){Module["wasmModule"]=e.data.wasmModule;for(const handler of e.data.handlers){Module[handler]=function(){postMessage({cmd:"callHandler",handler:handler,args:[...arguments]})}}Module["wasmMemory"]=e.data.wasmMemory;Module["buffer"]=Module["wasmMemory"].buffer;Module["ENVIRONMENT_IS_PTHREAD"]=true;if(typeof e.data.urlOrBlob=="string"){importScripts(e.data.urlOrBlob)}else{var objectUrl=URL.createObjectURL(e.data.urlOrBlob);importScripts(objectUrl);URL.revokeObjectURL(objectUrl)}WasmBackendModuleThreadedSimd(Module)}else if(e.data.cmd==="run"){Module["__emscripten_thread_init"](e.data.pthread_ptr,0,0,1);Module["establishStackSpace"]();Module["PThread"].receiveObjectTransfer(e.data);Module["PThread"].threadInitTLS();if(!initializedJS){pendingNotifiedProxyingQueues.forEach(queue=>{Module["executeNotifiedProxyingQueue"](queue)});pendingNotifiedProxyingQueues=[];initializedJS=true}try{Module["invokeEntryPoint"](e.data.start_routine,e.data.arg)}catch(ex){if(ex!="unwind"){if(ex instanceof Module["ExitStatus"]){if(Module["keepRuntimeAlive"]()){}else{Module["__emscripten_thread_exit"](ex.status)}}else{throw ex}}}}else if(e.data.cmd==="cancel"){if(Module["_pthread_self"]()){Module["__emscripten_thread_exit"](-1)}}else if(e.data.target==="setimmediate"){}else if(e.data.cmd==="processProxyingQueue"){if(initializedJS){Module["executeNotifiedProxyingQueue"](e.data.queue)}else{pendingNotifiedProxyingQueues.push(e.data.queue)}}else if(e.data.cmd){err("worker.js received unknown command "+e.data.cmd);err(e.data)}}catch(ex){if(Module["__emscripten_thread_crashed"]){Module["__emscripten_thread_crashed"]()}throw ex}};`})),Uu=/* @__PURE__ */ Qn(((e,t)=>{var n=(()=>{var e=typeof document<`u`&&document.currentScript?document.currentScript.src:void 0;return typeof __filename<`u`&&(e||=__filename),(function(t){t||={};var n=t===void 0?{}:t,r,i;n.ready=new Promise(function(e,t){r=e,i=t});var a;typeof process<`u`&&process.listeners&&(a={uncaughtException:process.listeners(`uncaughtException`),unhandledRejection:process.listeners(`unhandledRejection`)});var o=Object.assign({},n),s=[],c=typeof window==`object`,l=typeof importScripts==`function`,u=typeof process==`object`&&typeof process.versions==`object`&&typeof process.versions.node==`string`,d=``;function f(e){return n.locateFile?n.locateFile(e,d):d+e}var p,m,h;if(u){var g=er(),_=er();d=l?_.dirname(d)+`/`:__dirname+`/`,p=(e,t)=>(e=pe(e)?new URL(e):_.normalize(e),g.readFileSync(e,t?void 0:`utf8`)),h=e=>{var t=p(e,!0);return t.buffer||(t=new Uint8Array(t)),t},m=(e,t,n)=>{e=pe(e)?new URL(e):_.normalize(e),g.readFile(e,function(e,r){e?n(e):t(r.buffer)})},process.argv.length>1&&process.argv[1].replace(/\\/g,`/`),s=process.argv.slice(2),process.on(`uncaughtException`,function(e){if(!(e instanceof _e))throw e}),process.on(`unhandledRejection`,function(e){throw e}),n.inspect=function(){return`[Emscripten Module object]`}}else(c||l)&&(l?d=self.location.href:typeof document<`u`&&document.currentScript&&(d=document.currentScript.src),e&&(d=e),d=d.indexOf(`blob:`)===0?``:d.substr(0,d.replace(/[?#].*/,``).lastIndexOf(`/`)+1),p=e=>{var t=new XMLHttpRequest;return t.open(`GET`,e,!1),t.send(null),t.responseText},l&&(h=e=>{var t=new XMLHttpRequest;return t.open(`GET`,e,!1),t.responseType=`arraybuffer`,t.send(null),new Uint8Array(t.response)}),m=(e,t,n)=>{var r=new XMLHttpRequest;r.open(`GET`,e,!0),r.responseType=`arraybuffer`,r.onload=()=>{r.status==200||r.status==0&&r.response?t(r.response):n()},r.onerror=n,r.send(null)});var v=n.print||console.log.bind(console),y=n.printErr||console.warn.bind(console);Object.assign(n,o),o=null,n.arguments&&(s=n.arguments),n.thisProgram&&n.thisProgram,n.quit&&n.quit;var b;n.wasmBinary&&(b=n.wasmBinary),n.noExitRuntime,typeof WebAssembly!=`object`&&L(`no native wasm support detected`);var x,S=!1,C=typeof TextDecoder<`u`?new TextDecoder(`utf8`):void 0;function w(e,t,n){t>>>=0;for(var r=t+n,i=t;e[i]&&!(i>=r);)++i;if(i-t>16&&e.buffer&&C)return C.decode(e.subarray(t,i));for(var a=``;t<i;){var o=e[t++];if(!(o&128))a+=String.fromCharCode(o);else{var s=e[t++]&63;if((o&224)==192)a+=String.fromCharCode((o&31)<<6|s);else{var c=e[t++]&63;if(o=(o&240)==224?(o&15)<<12|s<<6|c:(o&7)<<18|s<<12|c<<6|e[t++]&63,o<65536)a+=String.fromCharCode(o);else{var l=o-65536;a+=String.fromCharCode(55296|l>>10,56320|l&1023)}}}}return a}function T(e,t){return e>>>=0,e?w(A,e,t):``}function E(e,t,n,r){if(n>>>=0,!(r>0))return 0;for(var i=n,a=n+r-1,o=0;o<e.length;++o){var s=e.charCodeAt(o);if(s>=55296&&s<=57343){var c=e.charCodeAt(++o);s=65536+((s&1023)<<10)|c&1023}if(s<=127){if(n>=a)break;t[n++>>>0]=s}else if(s<=2047){if(n+1>=a)break;t[n++>>>0]=192|s>>6,t[n++>>>0]=128|s&63}else if(s<=65535){if(n+2>=a)break;t[n++>>>0]=224|s>>12,t[n++>>>0]=128|s>>6&63,t[n++>>>0]=128|s&63}else{if(n+3>=a)break;t[n++>>>0]=240|s>>18,t[n++>>>0]=128|s>>12&63,t[n++>>>0]=128|s>>6&63,t[n++>>>0]=128|s&63}}return t[n>>>0]=0,n-i}function D(e,t,n){return E(e,A,t,n)}var O,k,A,j,M;function ee(e){O=e,n.HEAP8=k=new Int8Array(e),n.HEAP16=new Int16Array(e),n.HEAP32=j=new Int32Array(e),n.HEAPU8=A=new Uint8Array(e),n.HEAPU16=new Uint16Array(e),n.HEAPU32=M=new Uint32Array(e),n.HEAPF32=new Float32Array(e),n.HEAPF64=new Float64Array(e)}n.INITIAL_MEMORY;var N=[],P=[],te=[];function ne(){if(n.preRun)for(typeof n.preRun==`function`&&(n.preRun=[n.preRun]);n.preRun.length;)ae(n.preRun.shift());ve(N)}function re(){ve(P)}function ie(){if(n.postRun)for(typeof n.postRun==`function`&&(n.postRun=[n.postRun]);n.postRun.length;)F(n.postRun.shift());ve(te)}function ae(e){N.unshift(e)}function oe(e){P.unshift(e)}function F(e){te.unshift(e)}var I=0,se=null,ce=null;function le(e){I++,n.monitorRunDependencies&&n.monitorRunDependencies(I)}function ue(e){if(I--,n.monitorRunDependencies&&n.monitorRunDependencies(I),I==0&&(se!==null&&(clearInterval(se),se=null),ce)){var t=ce;ce=null,t()}}function L(e){n.onAbort&&n.onAbort(e),e=`Aborted(`+e+`)`,y(e),S=!0,e+=`. Build with -sASSERTIONS for more info.`;var t=new WebAssembly.RuntimeError(e);throw i(t),t}var de=`data:application/octet-stream;base64,`;function fe(e){return e.startsWith(de)}function pe(e){return e.startsWith(`file://`)}var R=`tfjs-backend-wasm.wasm`;fe(R)||(R=f(R));function me(e){try{if(e==R&&b)return new Uint8Array(b);if(h)return h(e);throw`both async and sync fetching of the wasm failed`}catch(e){L(e)}}function he(){if(!b&&(c||l)){if(typeof fetch==`function`&&!pe(R))return fetch(R,{credentials:`same-origin`}).then(function(e){if(!e.ok)throw`failed to load wasm binary file at '`+R+`'`;return e.arrayBuffer()}).catch(function(){return me(R)});if(m)return new Promise(function(e,t){m(R,function(t){e(new Uint8Array(t))},t)})}return Promise.resolve().then(function(){return me(R)})}function ge(){var e={env:Ne,wasi_snapshot_preview1:Ne};function t(e,t){n.asm=e.exports,x=n.asm.memory,ee(x.buffer),n.asm.__indirect_function_table,oe(n.asm.__wasm_call_ctors),ue(`wasm-instantiate`)}le(`wasm-instantiate`);function r(e){t(e.instance)}function a(t){return he().then(function(t){return WebAssembly.instantiate(t,e)}).then(function(e){return e}).then(t,function(e){y(`failed to asynchronously prepare wasm: `+e),L(e)})}function o(){return!b&&typeof WebAssembly.instantiateStreaming==`function`&&!fe(R)&&!pe(R)&&!u&&typeof fetch==`function`?fetch(R,{credentials:`same-origin`}).then(function(t){return WebAssembly.instantiateStreaming(t,e).then(r,function(e){return y(`wasm streaming compile failed: `+e),y(`falling back to ArrayBuffer instantiation`),a(r)})}):a(r)}if(n.instantiateWasm)try{return n.instantiateWasm(e,t)}catch(e){y(`Module.instantiateWasm callback failed with error: `+e),i(e)}return o().catch(i),{}}function _e(e){this.name=`ExitStatus`,this.message=`Program terminated with exit(`+e+`)`,this.status=e}function ve(e){for(;e.length>0;)e.shift()(n)}function ye(){L(``)}function be(){return 4294901760}function xe(){return be()}function z(e,t,n){A.copyWithin(e>>>0,t>>>0,t+n>>>0)}function Se(e){try{return x.grow(e-O.byteLength+65535>>>16),ee(x.buffer),1}catch{}}function Ce(e){var t=A.length;e>>>=0;var n=be();if(e>n)return!1;let r=(e,t)=>e+(t-e%t)%t;for(var i=1;i<=4;i*=2){var a=t*(1+.2/i);if(a=Math.min(a,e+100663296),Se(Math.min(n,r(Math.max(e,a),65536))))return!0}return!1}var we={varargs:void 0,get:function(){return we.varargs+=4,j[we.varargs-4>>>2]},getStr:function(e){return T(e)}};function Te(e){return 52}function Ee(e,t,n,r,i){return 70}var De=[null,[],[]];function Oe(e,t){var n=De[e];t===0||t===10?((e===1?v:y)(w(n,0)),n.length=0):n.push(t)}function ke(e,t,n,r){for(var i=0,a=0;a<n;a++){var o=M[t>>>2],s=M[t+4>>>2];t+=8;for(var c=0;c<s;c++)Oe(e,A[o+c>>>0]);i+=s}return M[r>>>2]=i,0}function B(e){return n[`_`+e]}function Ae(e,t){k.set(e,t>>>0)}function je(e,t,n,r,i){var a={string:e=>{var t=0;if(e!=null&&e!==0){var n=(e.length<<2)+1;t=pr(n),D(e,t,n)}return t},array:e=>{var t=pr(e.length);return Ae(e,t),t}};function o(e){return t===`string`?T(e):t===`boolean`?!!e:e}var s=B(e),c=[],l=0;if(r)for(var u=0;u<r.length;u++){var d=a[n[u]];d?(l===0&&(l=dr()),c[u]=d(r[u])):c[u]=r[u]}var f=s.apply(null,c);function p(e){return l!==0&&fr(l),o(e)}return f=p(f),f}function Me(e,t,n,r){n||=[];var i=n.every(e=>e===`number`||e===`boolean`);return t!==`string`&&i&&!r?B(e):function(){return je(e,t,n,arguments,r)}}var Ne={abort:ye,emscripten_get_heap_max:xe,emscripten_memcpy_big:z,emscripten_resize_heap:Ce,fd_close:Te,fd_seek:Ee,fd_write:ke};ge();var Pe=n.___wasm_call_ctors=function(){return(Pe=n.___wasm_call_ctors=n.asm.__wasm_call_ctors).apply(null,arguments)},Fe=n._init=function(){return(Fe=n._init=n.asm.init).apply(null,arguments)},Ie=n._init_with_threads_count=function(){return(Ie=n._init_with_threads_count=n.asm.init_with_threads_count).apply(null,arguments)},Le=n._get_threads_count=function(){return(Le=n._get_threads_count=n.asm.get_threads_count).apply(null,arguments)},Re=n._register_tensor=function(){return(Re=n._register_tensor=n.asm.register_tensor).apply(null,arguments)},ze=n._dispose_data=function(){return(ze=n._dispose_data=n.asm.dispose_data).apply(null,arguments)},Be=n._dispose=function(){return(Be=n._dispose=n.asm.dispose).apply(null,arguments)},Ve=n._Abs=function(){return(Ve=n._Abs=n.asm.Abs).apply(null,arguments)},V=n._Acos=function(){return(V=n._Acos=n.asm.Acos).apply(null,arguments)},He=n._Acosh=function(){return(He=n._Acosh=n.asm.Acosh).apply(null,arguments)},H=n._Add=function(){return(H=n._Add=n.asm.Add).apply(null,arguments)},Ue=n._AddN=function(){return(Ue=n._AddN=n.asm.AddN).apply(null,arguments)},U=n._All=function(){return(U=n._All=n.asm.All).apply(null,arguments)},We=n._Any=function(){return(We=n._Any=n.asm.Any).apply(null,arguments)},Ge=n._ArgMax=function(){return(Ge=n._ArgMax=n.asm.ArgMax).apply(null,arguments)},Ke=n._ArgMin=function(){return(Ke=n._ArgMin=n.asm.ArgMin).apply(null,arguments)},qe=n._Asin=function(){return(qe=n._Asin=n.asm.Asin).apply(null,arguments)},Je=n._Asinh=function(){return(Je=n._Asinh=n.asm.Asinh).apply(null,arguments)},Ye=n._Atan=function(){return(Ye=n._Atan=n.asm.Atan).apply(null,arguments)},Xe=n._Atan2=function(){return(Xe=n._Atan2=n.asm.Atan2).apply(null,arguments)},W=n._Atanh=function(){return(W=n._Atanh=n.asm.Atanh).apply(null,arguments)},Ze=n._AvgPool=function(){return(Ze=n._AvgPool=n.asm.AvgPool).apply(null,arguments)},Qe=n._AvgPool3D=function(){return(Qe=n._AvgPool3D=n.asm.AvgPool3D).apply(null,arguments)},$e=n._AvgPool3DGrad=function(){return($e=n._AvgPool3DGrad=n.asm.AvgPool3DGrad).apply(null,arguments)},et=n._AvgPoolGrad=function(){return(et=n._AvgPoolGrad=n.asm.AvgPoolGrad).apply(null,arguments)},tt=n._BatchMatMul=function(){return(tt=n._BatchMatMul=n.asm.BatchMatMul).apply(null,arguments)},nt=n._Bincount=function(){return(nt=n._Bincount=n.asm.Bincount).apply(null,arguments)},rt=n._BitwiseAnd=function(){return(rt=n._BitwiseAnd=n.asm.BitwiseAnd).apply(null,arguments)},it=n._Ceil=function(){return(it=n._Ceil=n.asm.Ceil).apply(null,arguments)},at=n._ClipByValue=function(){return(at=n._ClipByValue=n.asm.ClipByValue).apply(null,arguments)},ot=n._Conv2D=function(){return(ot=n._Conv2D=n.asm.Conv2D).apply(null,arguments)},st=n._Conv2DBackpropInput=function(){return(st=n._Conv2DBackpropInput=n.asm.Conv2DBackpropInput).apply(null,arguments)},ct=n._Conv3D=function(){return(ct=n._Conv3D=n.asm.Conv3D).apply(null,arguments)},lt=n._Conv3DBackpropFilterV2=function(){return(lt=n._Conv3DBackpropFilterV2=n.asm.Conv3DBackpropFilterV2).apply(null,arguments)},ut=n._Conv3DBackpropInputV2=function(){return(ut=n._Conv3DBackpropInputV2=n.asm.Conv3DBackpropInputV2).apply(null,arguments)},dt=n._Cos=function(){return(dt=n._Cos=n.asm.Cos).apply(null,arguments)},ft=n._Cosh=function(){return(ft=n._Cosh=n.asm.Cosh).apply(null,arguments)},pt=n._CropAndResize=function(){return(pt=n._CropAndResize=n.asm.CropAndResize).apply(null,arguments)},mt=n._Cumprod=function(){return(mt=n._Cumprod=n.asm.Cumprod).apply(null,arguments)},ht=n._Cumsum=function(){return(ht=n._Cumsum=n.asm.Cumsum).apply(null,arguments)},gt=n._DenseBincount=function(){return(gt=n._DenseBincount=n.asm.DenseBincount).apply(null,arguments)},_t=n._DepthToSpace=function(){return(_t=n._DepthToSpace=n.asm.DepthToSpace).apply(null,arguments)},vt=n._DepthwiseConv2dNative=function(){return(vt=n._DepthwiseConv2dNative=n.asm.DepthwiseConv2dNative).apply(null,arguments)},G=n._Diag=function(){return(G=n._Diag=n.asm.Diag).apply(null,arguments)},yt=n._Dilation2D=function(){return(yt=n._Dilation2D=n.asm.Dilation2D).apply(null,arguments)},bt=n._Dilation2DBackpropFilter=function(){return(bt=n._Dilation2DBackpropFilter=n.asm.Dilation2DBackpropFilter).apply(null,arguments)},xt=n._Dilation2DBackpropInput=function(){return(xt=n._Dilation2DBackpropInput=n.asm.Dilation2DBackpropInput).apply(null,arguments)},St=n._Elu=function(){return(St=n._Elu=n.asm.Elu).apply(null,arguments)},Ct=n._EluGrad=function(){return(Ct=n._EluGrad=n.asm.EluGrad).apply(null,arguments)},wt=n._Equal=function(){return(wt=n._Equal=n.asm.Equal).apply(null,arguments)},Tt=n._Erf=function(){return(Tt=n._Erf=n.asm.Erf).apply(null,arguments)},K=n._Exp=function(){return(K=n._Exp=n.asm.Exp).apply(null,arguments)},Et=n._Expm1=function(){return(Et=n._Expm1=n.asm.Expm1).apply(null,arguments)},Dt=n._FlipLeftRight=function(){return(Dt=n._FlipLeftRight=n.asm.FlipLeftRight).apply(null,arguments)},Ot=n._Floor=function(){return(Ot=n._Floor=n.asm.Floor).apply(null,arguments)},kt=n._FloorDiv=function(){return(kt=n._FloorDiv=n.asm.FloorDiv).apply(null,arguments)},At=n._FusedBatchNorm=function(){return(At=n._FusedBatchNorm=n.asm.FusedBatchNorm).apply(null,arguments)},jt=n._FusedConv2D=function(){return(jt=n._FusedConv2D=n.asm.FusedConv2D).apply(null,arguments)},Mt=n._FusedDepthwiseConv2D=function(){return(Mt=n._FusedDepthwiseConv2D=n.asm.FusedDepthwiseConv2D).apply(null,arguments)},Nt=n._Gather=function(){return(Nt=n._Gather=n.asm.Gather).apply(null,arguments)},Pt=n._GatherNd=function(){return(Pt=n._GatherNd=n.asm.GatherNd).apply(null,arguments)},Ft=n._Greater=function(){return(Ft=n._Greater=n.asm.Greater).apply(null,arguments)},It=n._GreaterEqual=function(){return(It=n._GreaterEqual=n.asm.GreaterEqual).apply(null,arguments)},Lt=n._IsFinite=function(){return(Lt=n._IsFinite=n.asm.IsFinite).apply(null,arguments)},Rt=n._IsInf=function(){return(Rt=n._IsInf=n.asm.IsInf).apply(null,arguments)},zt=n._IsNan=function(){return(zt=n._IsNan=n.asm.IsNan).apply(null,arguments)},Bt=n._LRN=function(){return(Bt=n._LRN=n.asm.LRN).apply(null,arguments)},Vt=n._LRNGrad=function(){return(Vt=n._LRNGrad=n.asm.LRNGrad).apply(null,arguments)},Ht=n._LeakyRelu=function(){return(Ht=n._LeakyRelu=n.asm.LeakyRelu).apply(null,arguments)},Ut=n._Less=function(){return(Ut=n._Less=n.asm.Less).apply(null,arguments)},Wt=n._LessEqual=function(){return(Wt=n._LessEqual=n.asm.LessEqual).apply(null,arguments)},Gt=n._LinSpace=function(){return(Gt=n._LinSpace=n.asm.LinSpace).apply(null,arguments)},Kt=n._Log=function(){return(Kt=n._Log=n.asm.Log).apply(null,arguments)},qt=n._Log1p=function(){return(qt=n._Log1p=n.asm.Log1p).apply(null,arguments)},Jt=n._LogicalAnd=function(){return(Jt=n._LogicalAnd=n.asm.LogicalAnd).apply(null,arguments)},Yt=n._LogicalNot=function(){return(Yt=n._LogicalNot=n.asm.LogicalNot).apply(null,arguments)},Xt=n._LogicalOr=function(){return(Xt=n._LogicalOr=n.asm.LogicalOr).apply(null,arguments)},Zt=n._LogicalXor=function(){return(Zt=n._LogicalXor=n.asm.LogicalXor).apply(null,arguments)},Qt=n._Max=function(){return(Qt=n._Max=n.asm.Max).apply(null,arguments)},$t=n._MaxPool=function(){return($t=n._MaxPool=n.asm.MaxPool).apply(null,arguments)},en=n._MaxPool3D=function(){return(en=n._MaxPool3D=n.asm.MaxPool3D).apply(null,arguments)},tn=n._MaxPool3DGrad=function(){return(tn=n._MaxPool3DGrad=n.asm.MaxPool3DGrad).apply(null,arguments)},nn=n._MaxPoolGrad=function(){return(nn=n._MaxPoolGrad=n.asm.MaxPoolGrad).apply(null,arguments)},rn=n._MaxPoolWithArgmax=function(){return(rn=n._MaxPoolWithArgmax=n.asm.MaxPoolWithArgmax).apply(null,arguments)},an=n._Maximum=function(){return(an=n._Maximum=n.asm.Maximum).apply(null,arguments)},on=n._Mean=function(){return(on=n._Mean=n.asm.Mean).apply(null,arguments)},sn=n._Min=function(){return(sn=n._Min=n.asm.Min).apply(null,arguments)},cn=n._Minimum=function(){return(cn=n._Minimum=n.asm.Minimum).apply(null,arguments)},ln=n._MirrorPad=function(){return(ln=n._MirrorPad=n.asm.MirrorPad).apply(null,arguments)},un=n._Mod=function(){return(un=n._Mod=n.asm.Mod).apply(null,arguments)},dn=n._Multinomial=function(){return(dn=n._Multinomial=n.asm.Multinomial).apply(null,arguments)},fn=n._Multiply=function(){return(fn=n._Multiply=n.asm.Multiply).apply(null,arguments)},pn=n._Neg=function(){return(pn=n._Neg=n.asm.Neg).apply(null,arguments)},mn=n._NonMaxSuppressionV3=function(){return(mn=n._NonMaxSuppressionV3=n.asm.NonMaxSuppressionV3).apply(null,arguments)},hn=n._NonMaxSuppressionV4=function(){return(hn=n._NonMaxSuppressionV4=n.asm.NonMaxSuppressionV4).apply(null,arguments)},gn=n._NonMaxSuppressionV5=function(){return(gn=n._NonMaxSuppressionV5=n.asm.NonMaxSuppressionV5).apply(null,arguments)},_n=n._NotEqual=function(){return(_n=n._NotEqual=n.asm.NotEqual).apply(null,arguments)},vn=n._OneHot=function(){return(vn=n._OneHot=n.asm.OneHot).apply(null,arguments)},yn=n._PadV2=function(){return(yn=n._PadV2=n.asm.PadV2).apply(null,arguments)},bn=n._Pow=function(){return(bn=n._Pow=n.asm.Pow).apply(null,arguments)},xn=n._Prelu=function(){return(xn=n._Prelu=n.asm.Prelu).apply(null,arguments)},Sn=n._Prod=function(){return(Sn=n._Prod=n.asm.Prod).apply(null,arguments)},Cn=n._RealDiv=function(){return(Cn=n._RealDiv=n.asm.RealDiv).apply(null,arguments)},wn=n._Reciprocal=function(){return(wn=n._Reciprocal=n.asm.Reciprocal).apply(null,arguments)},Tn=n._Relu=function(){return(Tn=n._Relu=n.asm.Relu).apply(null,arguments)},En=n._Relu6=function(){return(En=n._Relu6=n.asm.Relu6).apply(null,arguments)},Dn=n._ResizeBilinear=function(){return(Dn=n._ResizeBilinear=n.asm.ResizeBilinear).apply(null,arguments)},On=n._ResizeBilinearGrad=function(){return(On=n._ResizeBilinearGrad=n.asm.ResizeBilinearGrad).apply(null,arguments)},kn=n._ResizeNearestNeighbor=function(){return(kn=n._ResizeNearestNeighbor=n.asm.ResizeNearestNeighbor).apply(null,arguments)},An=n._ResizeNearestNeighborGrad=function(){return(An=n._ResizeNearestNeighborGrad=n.asm.ResizeNearestNeighborGrad).apply(null,arguments)},jn=n._Reverse=function(){return(jn=n._Reverse=n.asm.Reverse).apply(null,arguments)},Mn=n._RotateWithOffset=function(){return(Mn=n._RotateWithOffset=n.asm.RotateWithOffset).apply(null,arguments)},Nn=n._Round=function(){return(Nn=n._Round=n.asm.Round).apply(null,arguments)},Pn=n._Rsqrt=function(){return(Pn=n._Rsqrt=n.asm.Rsqrt).apply(null,arguments)},Fn=n._ScatterNd=function(){return(Fn=n._ScatterNd=n.asm.ScatterNd).apply(null,arguments)},In=n._SearchSorted=function(){return(In=n._SearchSorted=n.asm.SearchSorted).apply(null,arguments)},Ln=n._SelectV2=function(){return(Ln=n._SelectV2=n.asm.SelectV2).apply(null,arguments)},Rn=n._Selu=function(){return(Rn=n._Selu=n.asm.Selu).apply(null,arguments)},zn=n._Sigmoid=function(){return(zn=n._Sigmoid=n.asm.Sigmoid).apply(null,arguments)},Bn=n._Sign=function(){return(Bn=n._Sign=n.asm.Sign).apply(null,arguments)},Vn=n._Sin=function(){return(Vn=n._Sin=n.asm.Sin).apply(null,arguments)},Hn=n._Sinh=function(){return(Hn=n._Sinh=n.asm.Sinh).apply(null,arguments)},Un=n._Softmax=function(){return(Un=n._Softmax=n.asm.Softmax).apply(null,arguments)},Wn=n._Softplus=function(){return(Wn=n._Softplus=n.asm.Softplus).apply(null,arguments)},Gn=n._SparseFillEmptyRows=function(){return(Gn=n._SparseFillEmptyRows=n.asm.SparseFillEmptyRows).apply(null,arguments)},Kn=n._SparseReshape=function(){return(Kn=n._SparseReshape=n.asm.SparseReshape).apply(null,arguments)},qn=n._SparseSegmentReduction=function(){return(qn=n._SparseSegmentReduction=n.asm.SparseSegmentReduction).apply(null,arguments)},Jn=n._SparseToDense=function(){return(Jn=n._SparseToDense=n.asm.SparseToDense).apply(null,arguments)},Yn=n._Sqrt=function(){return(Yn=n._Sqrt=n.asm.Sqrt).apply(null,arguments)},Xn=n._Square=function(){return(Xn=n._Square=n.asm.Square).apply(null,arguments)},Zn=n._SquaredDifference=function(){return(Zn=n._SquaredDifference=n.asm.SquaredDifference).apply(null,arguments)},Qn=n._Step=function(){return(Qn=n._Step=n.asm.Step).apply(null,arguments)},$n=n._StridedSlice=function(){return($n=n._StridedSlice=n.asm.StridedSlice).apply(null,arguments)},tr=n._Sub=function(){return(tr=n._Sub=n.asm.Sub).apply(null,arguments)},q=n._Sum=function(){return(q=n._Sum=n.asm.Sum).apply(null,arguments)},nr=n._Tan=function(){return(nr=n._Tan=n.asm.Tan).apply(null,arguments)},rr=n._Tanh=function(){return(rr=n._Tanh=n.asm.Tanh).apply(null,arguments)},ir=n._TensorScatterUpdate=function(){return(ir=n._TensorScatterUpdate=n.asm.TensorScatterUpdate).apply(null,arguments)},ar=n._Tile=function(){return(ar=n._Tile=n.asm.Tile).apply(null,arguments)},or=n._TopK=function(){return(or=n._TopK=n.asm.TopK).apply(null,arguments)},J=n._Transform=function(){return(J=n._Transform=n.asm.Transform).apply(null,arguments)},sr=n._Transpose=function(){return(sr=n._Transpose=n.asm.Transpose).apply(null,arguments)},cr=n.__FusedMatMul=function(){return(cr=n.__FusedMatMul=n.asm._FusedMatMul).apply(null,arguments)},lr=n._malloc=function(){return(lr=n._malloc=n.asm.malloc).apply(null,arguments)},Y=n._free=function(){return(Y=n._free=n.asm.free).apply(null,arguments)},ur=n.___errno_location=function(){return(ur=n.___errno_location=n.asm.__errno_location).apply(null,arguments)},dr=n.stackSave=function(){return(dr=n.stackSave=n.asm.stackSave).apply(null,arguments)},fr=n.stackRestore=function(){return(fr=n.stackRestore=n.asm.stackRestore).apply(null,arguments)},pr=n.stackAlloc=function(){return(pr=n.stackAlloc=n.asm.stackAlloc).apply(null,arguments)},mr=n.dynCall_iijjiiii=function(){return(mr=n.dynCall_iijjiiii=n.asm.dynCall_iijjiiii).apply(null,arguments)},hr=n.dynCall_jiji=function(){return(hr=n.dynCall_jiji=n.asm.dynCall_jiji).apply(null,arguments)};n.cwrap=Me;var gr;ce=function e(){gr||_r(),gr||(ce=e)};function _r(e){if(e||=s,I>0||(ne(),I>0))return;function t(){gr||(gr=!0,n.calledRun=!0,S||(re(),r(n),n.onRuntimeInitialized&&n.onRuntimeInitialized(),ie()))}n.setStatus?(n.setStatus(`Running...`),setTimeout(function(){setTimeout(function(){n.setStatus(``)},1),t()},1)):t()}if(n.preInit)for(typeof n.preInit==`function`&&(n.preInit=[n.preInit]);n.preInit.length>0;)n.preInit.pop()();_r();var vr;a&&(vr={uncaughtException:process.listeners(`uncaughtException`).filter(function(e){return!a.uncaughtException.indexOf(e)>-1}),unhandledRejection:process.listeners(`unhandledRejection`).filter(function(e){return!a.unhandledRejection.indexOf(e)>-1})});var X;if(t!==void 0)X=t;else if(typeof WasmBackendModuleThreadedSimd<`u`)X=WasmBackendModuleThreadedSimd;else throw Error(`Could not find wasm module in post.js`);if(vr){var yr=X._dispose;X._dispose=function(){yr(),vr.uncaughtException.forEach(function(e){process.removeListener(`uncaughtException`,e)}),vr.unhandledRejection.forEach(function(e){process.removeListener(`unhandledRejection`,e)})}}return t.ready})})();typeof e==`object`&&typeof t==`object`?t.exports=n:typeof define==`function`&&define.amd?define([],function(){return n}):typeof e==`object`&&(e.WasmBackendModule=n)})),Wu=/* @__PURE__ */ $n(Vu()),Gu=Hu(),Ku=/* @__PURE__ */ $n(Uu());
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
const qu=Wu.default||Wu,Ju=Ku.default||Ku;var Yu=class extends Qt{constructor(e){super(),this.wasm=e,this.dataIdNextNumber=1,this.wasm.tfjs.initWithThreadsCount(cd),ld=this.wasm.tfjs.getThreadsCount(),this.dataIdMap=new c(this,ce())}write(e,t,n){let r={id:this.dataIdNextNumber++};return this.move(r,e,t,n,1),r}numDataIds(){return this.dataIdMap.numDataIds()}async time(e){let t=$e();return e(),{kernelMs:$e()-t}}move(e,t,n,r,i){let a=this.dataIdNextNumber++;if(r===`string`){let o=t;this.dataIdMap.set(e,{id:a,stringBytes:o,shape:n,dtype:r,memoryOffset:null,refCount:i});return}let o=V(n),s=o*dt(r),c=this.wasm._malloc(s)>>>0;this.dataIdMap.set(e,{id:a,memoryOffset:c,shape:n,dtype:r,refCount:i}),this.wasm.tfjs.registerTensor(a,o,c),t!=null&&this.wasm.HEAPU8.set(new Uint8Array(t.buffer,t.byteOffset,s),c)}async read(e){return this.readSync(e)}readSync(e,t,n){let{memoryOffset:r,dtype:i,shape:a,stringBytes:o}=this.dataIdMap.get(e);if(i===`string`)return(t==null||t===0)&&(n==null||n>=o.length)?o:o.slice(t,n);t||=0,n||=V(a);let s=dt(i);return $u(this.wasm.HEAPU8.slice(r+t*s,r+n*s).buffer,i)}disposeData(e,t=!1){if(this.dataIdMap.has(e)){let n=this.dataIdMap.get(e);if(n.refCount--,!t&&n.refCount>0)return!1;this.wasm._free(n.memoryOffset),this.wasm.tfjs.disposeData(n.id),this.dataIdMap.delete(e)}return!0}refCount(e){return this.dataIdMap.has(e)?this.dataIdMap.get(e).refCount:0}incRef(e){let t=this.dataIdMap.get(e);t!=null&&t.refCount++}floatPrecision(){return 32}getMemoryOffset(e){return this.dataIdMap.get(e).memoryOffset}dispose(){this.wasm.tfjs.dispose(),`PThread`in this.wasm&&this.wasm.PThread.terminateAllThreads(),this.wasm=null}memory(){return{unreliable:!1}}makeOutput(e,t,n,r){let i;if(n==null)i=this.write(r??null,e,t);else{let r=this.dataIdNextNumber++;i={id:r},this.dataIdMap.set(i,{id:r,memoryOffset:n,shape:e,dtype:t,refCount:1});let a=V(e);this.wasm.tfjs.registerTensor(r,a,n)}return{dataId:i,shape:e,dtype:t}}typedArrayFromHeap({shape:e,dtype:t,dataId:n}){let r=this.wasm.HEAPU8.buffer,{memoryOffset:i}=this.dataIdMap.get(n),a=V(e);switch(t){case`float32`:return new Float32Array(r,i,a);case`int32`:return new Int32Array(r,i,a);case`bool`:return new Uint8Array(r,i,a);default:throw Error(`Unknown dtype ${t}`)}}};function Xu(t){return(n,r)=>(e(t,{credentials:`same-origin`}).then(e=>{e.ok||n.env.a(`failed to load wasm binary file at '${t}'`),e.arrayBuffer().then(e=>{WebAssembly.instantiate(e,n).then(e=>{r(e.instance,e.module)})})}),{})}function Zu(e,t,n){if(td!=null)return td;let r=`tfjs-backend-wasm.wasm`;return e&&t?r=`tfjs-backend-wasm-threaded-simd.wasm`:e&&(r=`tfjs-backend-wasm-simd.wasm`),rd!=null&&rd[r]!=null?rd[r]:n+r}async function Qu(){let[e,t]=await Promise.all([de().getAsync(`WASM_HAS_SIMD_SUPPORT`),de().getAsync(`WASM_HAS_MULTITHREAD_SUPPORT`)]);return new Promise((n,r)=>{let i={};i.locateFile=(n,r)=>{if(n.endsWith(`.worker.js`)){let e=Gu.wasmWorkerContents.replace(/\n/g,`\\n`),t=new Blob([e],{type:`application/javascript`});return URL.createObjectURL(t)}return n.endsWith(`.wasm`)?Zu(e,t,nd??r):r+n},ad&&(i.instantiateWasm=Xu(Zu(e,t,nd??``)));let a=!1;i.onAbort=()=>{a||id||(id=!0,r({message:"Make sure the server can serve the `.wasm` file relative to the bundled js file. For more details see https://github.com/tensorflow/tfjs/blob/master/tfjs-backend-wasm/README.md#using-bundlers"}))};let o;t&&e&&td==null?(i.mainScriptUrlOrBlob=new Blob([`var WasmBackendModuleThreadedSimd = `+qu.toString()],{type:`text/javascript`}),o=qu(i)):o=Ju(i),o.then(e=>{a=!0,id=!1,e.tfjs={init:e.cwrap(`init`,null,[]),initWithThreadsCount:e.cwrap(`init_with_threads_count`,null,[`number`]),getThreadsCount:e.cwrap(`get_threads_count`,`number`,[]),registerTensor:e.cwrap(`register_tensor`,null,[`number`,`number`,`number`]),disposeData:e.cwrap(`dispose_data`,null,[`number`]),dispose:e.cwrap(`dispose`,null,[])},n({wasm:e})}).catch(r)})}function $u(e,t){switch(t){case`float32`:return new Float32Array(e);case`int32`:return new Int32Array(e);case`bool`:return new Uint8Array(e);default:throw Error(`Unknown dtype ${t}`)}}const ed=[`tfjs-backend-wasm.wasm`,`tfjs-backend-wasm-simd.wasm`,`tfjs-backend-wasm-threaded-simd.wasm`];let td=null,nd=null,rd={},id=!1,ad=!1;function od(e,t=!1){if(te(`setWasmPath has been deprecated in favor of setWasmPaths and will be removed in a future release.`),id)throw Error("The WASM backend was already initialized. Make sure you call `setWasmPath()` before you call `tf.setBackend()` or `tf.ready()`");td=e,ad=t}function sd(e,t=!1){if(id)throw Error("The WASM backend was already initialized. Make sure you call `setWasmPaths()` before you call `tf.setBackend()` or `tf.ready()`");if(typeof e==`string`)nd=e;else{rd=e;let t=ed.filter(e=>rd[e]==null);if(t.length>0)throw Error(`There were no entries found for the following binaries: ${t.join(`,`)}. Please either call setWasmPaths with a map providing a path for each binary, or with a string indicating the directory where all the binaries can be found.`)}ad=t}let cd=-1,ld=-1;function ud(e){cd=e}function dd(){if(ld===-1)throw Error(`WASM backend not initialized.`);return ld}
/** @license See the LICENSE file. */
const fd=`4.22.0`;
/**
* @license
* Copyright 2020 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
fe(`wasm`,async()=>{let{wasm:e}=await Qu();return new Yu(e)},2);
/**
* @license
* Copyright 2019 Google LLC. All Rights Reserved.
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
* =============================================================================
*/
export{Yu as BackendWasm,dd as getThreadsCount,ud as setThreadsCount,od as setWasmPath,sd as setWasmPaths,fd as version_wasm};