import { LoadingRows } from "@/components/ui/states";

export default function FactLoading() {
  return <LoadingRows rows={4} label="Loading the fact" />;
}
